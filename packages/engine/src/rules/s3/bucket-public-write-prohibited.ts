import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import { publicGrants } from './public-grants.js';

export const s3BucketPublicWriteProhibited = defineRule({
  id: 's3-bucket-public-write-prohibited',
  title: 'S3 bucket does not allow public write access',
  severity: 'critical',
  rationale:
    'A publicly writable bucket lets anyone overwrite or delete ePHI and plant content, destroying its integrity.',
  remediation: {
    cloudformation:
      'Remove AccessControl PublicReadWrite and any bucket policy statement allowing s3:PutObject or s3:DeleteObject ' +
      'to Principal "*"; set all four PublicAccessBlockConfiguration flags.',
    terraform:
      'Remove public-read-write ACLs and "*" principals granting s3:PutObject from aws_s3_bucket_policy; add ' +
      'aws_s3_bucket_public_access_block with all four flags true.',
    console: 'S3 → bucket → Permissions → Block public access → Block all; remove public write grants.',
  },
  controls: ['public-exposure', 'data-integrity'],
  kinds: ['Bucket'],
  equivalents: {
    cdkNag: ['HIPAA.Security-S3BucketPublicWriteProhibited'],
    awsConfig: ['s3-bucket-public-write-prohibited'],
  },
  check(bucket) {
    const grants = publicGrants(bucket, ['PublicReadWrite'], ['s3:PutObject', 's3:DeleteObject']);
    if (isUnknown(grants)) return cannotVerify(`bucket ACL or policy is ${grants.$unknown}`);
    return grants.length === 0 ? pass : fail(`bucket is publicly writable: ${grants.join('; ')}`);
  },
});
