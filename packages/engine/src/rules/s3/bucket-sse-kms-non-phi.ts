import { judgedAsPhi } from '../phi-declaration.js';
import { defineRule, fail, skip } from '../rule.js';
import { sseKmsVerdict } from './bucket-sse-kms.js';

export const s3BucketSseKmsNonPhi = defineRule({
  id: 's3-bucket-sse-kms-non-phi',
  title: 'S3 buckets declared to hold no PHI use SSE-KMS rather than SSE-S3',
  severity: 'medium',
  rationale:
    'R-INF-4 asks for SSE-KMS on every bucket: SSE-S3 is encryption at rest, but nobody can restrict or audit its ' +
    'keys, and a bucket that later receives PHI is already non-compliant. This rule judges buckets whose ' +
    'DataClassification tag declares them non-PHI and that no PHI resource references; every other bucket is ' +
    'judged at high by s3-bucket-sse-kms.',
  remediation: {
    cloudformation:
      'Set BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault to ' +
      '{ SSEAlgorithm: aws:kms, KMSMasterKeyID: !Ref AppKey } and BucketKeyEnabled: true.',
    terraform:
      'Set rule.apply_server_side_encryption_by_default { sse_algorithm = "aws:kms", kms_master_key_id = ... } in ' +
      'aws_s3_bucket_server_side_encryption_configuration.',
    console: 'S3 → bucket → Properties → Default encryption → Edit → SSE-KMS.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Bucket'],
  check(bucket, { model, boundary }) {
    if (judgedAsPhi(bucket, boundary)) return skip;
    const verdict = sseKmsVerdict(bucket, model);
    return verdict.status === 'fail' ? fail(`${verdict.message} (bucket declared non-PHI)`) : verdict;
  },
});
