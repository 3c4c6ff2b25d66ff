import type { TopicFacts } from '../../../model/kinds/sns.js';
import { bool, str } from '../../read.js';
import { type TfMapperTable, tfFolded, tfMapping } from '../mapper.js';
import { allStatements, documentStatements, referenceTo, unlessComputed } from './kms.js';

/** `aws_sns_topic` with its `aws_sns_topic_policy` resources folded in by `arn`. */
const topic = tfMapping('Topic', (view, context): TopicFacts => {
  const v = view.values;
  const separate = context.referrers('aws_sns_topic_policy', 'arn');
  // With a separate topic policy the topic's own `policy` is only its read-back (known after apply).
  const own = separate.length > 0 ? unlessComputed(v.policy) : v.policy;
  return {
    name: str(unlessComputed(v.name), undefined),
    fifo: bool(v.fifo_topic, false),
    kmsKey: referenceTo(
      unlessComputed(v.kms_master_key_id),
      context,
      ['aws_kms_key', 'aws_kms_alias', 'aws_kms_replica_key'],
      'arn',
    ),
    policy: allStatements([
      ...(own === undefined || own === null ? [] : [documentStatements(own, 'topic policy')]),
      ...separate.map((p) => documentStatements(p.values.policy, `topic policy ${p.address}`)),
    ]),
  };
});

export const snsTfMappers: TfMapperTable = {
  aws_sns_topic: topic,
  aws_sns_topic_policy: tfFolded('arn'),
};
