import { isUnknown } from '../../model/values.js';
import { isImportedValue } from '../imported.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const logsLogGroupEncrypted = defineRule({
  id: 'logs-log-group-encrypted',
  title: 'CloudWatch log groups are encrypted with a customer managed KMS key',
  severity: 'medium',
  rationale:
    'Application and audit logs can carry identifiers and fragments of ePHI; a customer managed key puts ' +
    'reading them behind a key policy you control and a CloudTrail record of key use (R-INF-2: a logs key).',
  remediation: {
    cloudformation:
      'Set KmsKeyId: !GetAtt LogsKey.Arn on the AWS::Logs::LogGroup (the key policy must allow the ' +
      'logs.<region>.amazonaws.com service principal).',
    terraform: 'Set kms_key_id = aws_kms_key.logs.arn on aws_cloudwatch_log_group.',
    console: 'CloudWatch Logs cannot attach a key in the console: use `aws logs associate-kms-key`.',
  },
  controls: ['encryption-at-rest', 'log-protection', 'key-management'],
  kinds: ['LogGroup'],
  equivalents: {
    cdkNag: ['HIPAA.Security-CloudWatchLogGroupEncrypted'],
    awsConfig: ['cloudwatch-log-group-encrypted'],
  },
  check(group) {
    const key = group.facts.kmsKey;
    if (key === undefined) return fail('not encrypted with a customer managed KMS key (KmsKeyId not set)');
    if (isUnknown(key) && !key.refs?.length) {
      const reason = key.$unknown;
      // A key ARN imported from another stack is set, like any known KmsKeyId.
      return isImportedValue(key) ? pass : cannotVerify(`KmsKeyId is ${reason}`);
    }
    return pass;
  },
});
