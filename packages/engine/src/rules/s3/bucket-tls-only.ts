import { isUnknown } from '../../model/values.js';
import { deniesInsecureTransport } from '../iam/statements.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const s3BucketTlsOnly = defineRule({
  id: 's3-bucket-tls-only',
  title: 'S3 bucket policy denies requests made without TLS',
  severity: 'high',
  rationale:
    'S3 still answers plain HTTP; only a Deny on aws:SecureTransport=false guarantees ePHI never crosses the network ' +
    'unencrypted (encryption in transit).',
  remediation: {
    cloudformation:
      'Add an AWS::S3::BucketPolicy statement { Effect: Deny, Principal: "*", Action: "s3:*", Resource: ' +
      '[!GetAtt Bucket.Arn, !Sub "${Bucket.Arn}/*"], Condition: { Bool: { aws:SecureTransport: "false" } } }.',
    terraform:
      'Add an aws_s3_bucket_policy statement denying s3:* to "*" on the bucket and its objects when ' +
      'aws:SecureTransport is false.',
    console:
      'S3 → bucket → Permissions → Bucket policy → Edit → add the Deny statement on aws:SecureTransport = false.',
  },
  controls: ['encryption-in-transit'],
  kinds: ['Bucket'],
  equivalents: {
    cdkNag: ['HIPAA.Security-S3BucketSSLRequestsOnly'],
    awsConfig: ['s3-bucket-ssl-requests-only'],
  },
  check(bucket) {
    // Both object reads and writes must be covered (s3:* or explicit actions).
    for (const action of ['s3:GetObject', 's3:PutObject']) {
      const denies = deniesInsecureTransport(bucket.facts.policy, action);
      if (isUnknown(denies)) return cannotVerify(`bucket policy is ${denies.$unknown}`);
      if (!denies)
        return fail(`no bucket policy statement denies ${action} without TLS (aws:SecureTransport = false)`);
    }
    return pass;
  },
});
