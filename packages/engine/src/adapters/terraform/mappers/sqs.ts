import type { QueueFacts } from '../../../model/kinds/sqs.js';
import { isRef, isUnknown, type ResourceRef, unknown, type Val } from '../../../model/values.js';
import { at, bool, num, refOrString, str } from '../../read.js';
import {
  type TfMapContext,
  type TfMapperTable,
  type TfResourceView,
  tfFolded,
  tfMapping,
} from '../mapper.js';
import { allStatements, documentStatements, referenceTo, unlessComputed } from './kms.js';

/**
 * The dead-letter target of a `redrive_policy` (a JSON string): `jsonencode({deadLetterTargetArn =
 * aws_sqs_queue.dlq.arn, …})` is a reference to the DLQ before apply (plan) or an unknown naming it (HCL); a
 * literal JSON string names it by ARN.
 */
function deadLetterTargetOf(value: unknown): Val<ResourceRef | string> | undefined {
  const redrive = unlessComputed(value);
  if (redrive === undefined || redrive === null || redrive === '') return undefined;
  if (isRef(redrive)) return { $ref: redrive.$ref, attribute: 'arn' };
  if (isUnknown(redrive)) return redrive;
  if (typeof redrive !== 'string') return refOrString(at(redrive, 'deadLetterTargetArn'));
  try {
    return (
      refOrString(at(JSON.parse(redrive), 'deadLetterTargetArn')) ??
      unknown('redrive_policy names no deadLetterTargetArn')
    );
  } catch {
    return unknown('redrive_policy is not valid JSON');
  }
}

/** The redrive policy of a queue: its own `redrive_policy`, or a separate `aws_sqs_queue_redrive_policy`. */
function redriveOf(view: TfResourceView, context: TfMapContext): Val<ResourceRef | string> | undefined {
  const separate = context.referrers('aws_sqs_queue_redrive_policy', 'queue_url')[0];
  return deadLetterTargetOf(separate ? separate.values.redrive_policy : view.values.redrive_policy);
}

/** Model ids of the queues whose redrive policy targets each queue (by reference) or queue name (literal ARN). */
function deadLetterSources(view: TfResourceView, context: TfMapContext): string[] {
  const index = context.memo('sqs/dead-letter-sources', () => {
    const byTarget = new Map<string, string[]>();
    const add = (key: string, source: string) => {
      const entry = byTarget.get(key);
      if (entry) entry.push(source);
      else byTarget.set(key, [source]);
    };
    const record = (target: Val<ResourceRef | string> | undefined, source: string) => {
      if (target === undefined) return;
      if (isRef(target)) add(target.$ref, source);
      else if (isUnknown(target)) for (const ref of target.refs ?? []) add(ref, source);
      else add(`=${target.slice(target.lastIndexOf(':') + 1)}`, source);
    };
    for (const queue of context.ofType('aws_sqs_queue'))
      record(deadLetterTargetOf(queue.values.redrive_policy), queue.modelId);
    for (const redrive of context.ofType('aws_sqs_queue_redrive_policy')) {
      const source = context.resolve(redrive.values.queue_url)?.modelId ?? redrive.modelId;
      record(deadLetterTargetOf(redrive.values.redrive_policy), source);
    }
    return byTarget;
  });
  const name = view.values.name;
  const sources = new Set([
    ...(index.get(view.modelId) ?? []),
    ...(typeof name === 'string' ? (index.get(`=${name}`) ?? []) : []),
    // A Lambda function's dead-letter queue is a dead-letter queue too (it needs no DLQ of its own), as in
    // the CloudFormation mapping.
    ...context.referrers('aws_lambda_function', 'dead_letter_config.0.target_arn').map((fn) => fn.modelId),
  ]);
  sources.delete(view.modelId);
  return [...sources];
}

/**
 * `aws_sqs_queue` with `aws_sqs_queue_policy` and `aws_sqs_queue_redrive_policy` folded in by `queue_url` (a
 * reference to the queue's `id`/`url`, or its URL literally). SSE-SQS is on for new queues unless
 * `sqs_managed_sse_enabled = false` (the attribute is Optional+Computed: absent means the AWS default).
 */
const queue = tfMapping('Queue', (view, context): QueueFacts => {
  const v = view.values;
  const kmsKey = referenceTo(
    unlessComputed(v.kms_master_key_id),
    context,
    ['aws_kms_key', 'aws_kms_alias', 'aws_kms_replica_key'],
    'arn',
  );
  const managedSse = bool(unlessComputed(v.sqs_managed_sse_enabled), true);
  const encryption: QueueFacts['encryption'] =
    kmsKey !== undefined ? 'kms' : isUnknown(managedSse) ? managedSse : managedSse ? 'sqs-managed' : 'none';
  const separate = context.referrers('aws_sqs_queue_policy', 'queue_url');
  // With a separate queue policy the queue's own `policy` is only its read-back (known after apply).
  const own = separate.length > 0 ? unlessComputed(v.policy) : v.policy;
  return {
    name: str(unlessComputed(v.name), undefined),
    fifo: bool(v.fifo_queue, false),
    encryption,
    kmsKey,
    messageRetentionSeconds: num(v.message_retention_seconds, 345600),
    deadLetterTarget: redriveOf(view, context),
    deadLetterFor: deadLetterSources(view, context),
    policy: allStatements([
      ...(own === undefined || own === null ? [] : [documentStatements(own, 'queue policy')]),
      ...separate.map((p) => documentStatements(p.values.policy, `queue policy ${p.address}`)),
    ]),
  };
});

export const sqsTfMappers: TfMapperTable = {
  aws_sqs_queue: queue,
  aws_sqs_queue_policy: tfFolded('queue_url'),
  aws_sqs_queue_redrive_policy: tfFolded('queue_url'),
};
