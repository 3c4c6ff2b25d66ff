import type { PolicyStatement } from '../../../model/kinds/s3.js';
import type { QueueFacts } from '../../../model/kinds/sqs.js';
import { isUnknown, type Val } from '../../../model/values.js';
import { policyStatements } from '../../policy.js';
import { at, bool, num, refOrString, str } from '../../read.js';
import {
  type CfnMapContext,
  type CfnMapperTable,
  type CfnResourceView,
  cfnMapping,
  folded,
} from '../mapper.js';

/** `RedrivePolicy` may be an object or a JSON string. */
function redrivePolicyOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** Statements of every policy resource naming the owner, or unknown if one of them is unresolved. */
export function joinedPolicy(
  context: CfnMapContext,
  sources: readonly [nativeType: string, property: string][],
): Val<readonly PolicyStatement[]> {
  const statements: PolicyStatement[] = [];
  for (const [nativeType, property] of sources) {
    for (const policy of context.referrers(nativeType, property)) {
      const found = policyStatements(policy.properties.PolicyDocument);
      if (isUnknown(found)) return found;
      statements.push(...found);
    }
  }
  return statements;
}

const queue = cfnMapping('Queue', (view, context): QueueFacts => {
  const p = view.properties;
  const kmsKey = refOrString(p.KmsMasterKeyId);
  // SSE-SQS is on by default for queues created since 2022 unless explicitly disabled.
  const managedSse = bool(p.SqsManagedSseEnabled, true);
  const encryption: QueueFacts['encryption'] =
    kmsKey !== undefined ? 'kms' : isUnknown(managedSse) ? managedSse : managedSse ? 'sqs-managed' : 'none';
  const redrive = redrivePolicyOf(p.RedrivePolicy);
  return {
    name: str(p.QueueName, undefined),
    fifo: bool(p.FifoQueue, false),
    encryption,
    kmsKey,
    messageRetentionSeconds: num(p.MessageRetentionPeriod, 345600),
    deadLetterTarget: refOrString(at(redrive, 'deadLetterTargetArn')),
    deadLetterFor: deadLetterSources(view, context),
    policy: joinedPolicy(context, [
      ['AWS::SQS::QueuePolicy', 'Queues'],
      ['AWS::SQS::QueueInlinePolicy', 'Queue'],
    ]),
  };
});

function deadLetterSources(view: CfnResourceView, context: CfnMapContext): string[] {
  const sources = new Set([
    ...context.referrers('AWS::SQS::Queue', 'RedrivePolicy.deadLetterTargetArn').map((q) => q.modelId),
    // A Lambda function's dead-letter queue is a dead-letter queue too (it needs no DLQ of its own).
    ...context.referrers('AWS::Lambda::Function', 'DeadLetterConfig.TargetArn').map((fn) => fn.modelId),
    // The same for an AWS SAM function (`DeadLetterQueue: {Type: SQS, TargetArn}`, possibly from Globals).
    ...context.referrers('AWS::Serverless::Function', 'DeadLetterQueue.TargetArn').map((fn) => fn.modelId),
  ]);
  // RedrivePolicy written as a JSON string cannot hold a reference; match a literal ARN by queue name.
  const name = view.properties.QueueName;
  const byLiteralTarget = context.memo('sqs/queues-by-literal-dlq-name', () => {
    const index = new Map<string, string[]>();
    for (const other of context.ofType('AWS::SQS::Queue')) {
      const target = at(redrivePolicyOf(other.properties.RedrivePolicy), 'deadLetterTargetArn');
      if (typeof target !== 'string') continue;
      const queueName = target.slice(target.lastIndexOf(':') + 1);
      const entry = index.get(queueName);
      if (entry) entry.push(other.modelId);
      else index.set(queueName, [other.modelId]);
    }
    return index;
  });
  if (typeof name === 'string') for (const source of byLiteralTarget.get(name) ?? []) sources.add(source);
  sources.delete(view.modelId);
  return [...sources];
}

export const sqsCfnMappers: CfnMapperTable = {
  'AWS::SQS::Queue': queue,
  'AWS::SQS::QueuePolicy': folded('Queues'),
  'AWS::SQS::QueueInlinePolicy': folded('Queue'),
};
