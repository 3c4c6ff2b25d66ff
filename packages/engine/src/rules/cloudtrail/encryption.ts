import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const cloudtrailEncryption = defineRule({
  id: 'cloudtrail-encryption',
  title: 'CloudTrail log files are encrypted with a KMS key',
  severity: 'high',
  rationale:
    'Trail logs record who touched which ePHI resource; SSE-KMS puts reading them behind a key policy and ' +
    'a record of key use (R-INF-7), where SSE-S3 leaves them readable to anyone with bucket access.',
  remediation: {
    cloudformation:
      'Set KMSKeyId: !Ref LogsKey on the AWS::CloudTrail::Trail (a key separate from the PHI data key).',
    terraform: 'Set kms_key_id = aws_kms_key.logs.arn on aws_cloudtrail.',
    console: 'CloudTrail → Trails → trail → General details → Edit → Log file SSE-KMS encryption → Enabled.',
  },
  controls: ['encryption-at-rest', 'log-protection'],
  kinds: ['Trail'],
  equivalents: {
    cdkNag: ['HIPAA.Security-CloudTrailEncryptionEnabled'],
    awsConfig: ['cloud-trail-encryption-enabled'],
  },
  check(trail) {
    const key = trail.facts.kmsKey;
    if (key === undefined) return fail('log files are not encrypted with KMS (KMSKeyId not set)');
    if (isUnknown(key)) return cannotVerify(`KMSKeyId is ${key.$unknown}`);
    return pass;
  },
});
