import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const s3BucketKeyEnabled = defineRule({
  id: 's3-bucket-key-enabled',
  title: 'S3 buckets encrypted with SSE-KMS use an S3 bucket key',
  severity: 'low',
  rationale:
    'A bucket key cuts KMS requests by up to 99%, keeping SSE-KMS under the KMS request quota and affordable, so ' +
    'teams are not tempted back to SSE-S3 (R-INF-4).',
  remediation: {
    cloudformation: 'Set BucketEncryption.ServerSideEncryptionConfiguration[0].BucketKeyEnabled: true.',
    terraform:
      'Set bucket_key_enabled = true in the aws_s3_bucket_server_side_encryption_configuration rule.',
    console: 'S3 → bucket → Properties → Default encryption → Edit → Bucket Key → Enable.',
  },
  controls: ['key-management'],
  kinds: ['Bucket'],
  check(bucket) {
    const { sseAlgorithm, bucketKeyEnabled } = bucket.facts;
    if (isUnknown(sseAlgorithm)) return skip; // s3-bucket-sse-kms reports it
    if (sseAlgorithm !== 'aws:kms') return skip; // bucket keys do not apply to SSE-S3 or DSSE-KMS
    if (isUnknown(bucketKeyEnabled)) return cannotVerify(`BucketKeyEnabled is ${bucketKeyEnabled.$unknown}`);
    return bucketKeyEnabled ? pass : fail('SSE-KMS without a bucket key: every object operation calls KMS');
  },
});
