import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const snsTopicKms = defineRule({
  id: 'sns-topic-kms',
  title: 'SNS topics are encrypted with KMS',
  severity: 'high',
  rationale:
    'Notifications can carry ePHI; SNS stores messages unencrypted unless a KMS key is set (R-INF-4).',
  remediation: {
    cloudformation: 'Set KmsMasterKeyId: !Ref AppKey on the AWS::SNS::Topic.',
    terraform: 'Set kms_master_key_id = aws_kms_key.app.arn on aws_sns_topic.',
    console: 'SNS → topic → Edit → Encryption → Enable encryption → choose a customer managed key.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Topic'],
  equivalents: { cdkNag: ['HIPAA.Security-SNSEncryptedKMS'], awsConfig: ['sns-encrypted-kms'] },
  check(topic) {
    const key = topic.facts.kmsKey;
    if (key === undefined) return fail('not encrypted at rest (KmsMasterKeyId not set)');
    if (isUnknown(key) && !key.refs?.length) return cannotVerify(`KmsMasterKeyId is ${key.$unknown}`);
    return pass;
  },
});
