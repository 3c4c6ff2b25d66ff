import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import { publicGrants } from './public-grants.js';

export const s3BucketPublicReadProhibited = defineRule({
  id: 's3-bucket-public-read-prohibited',
  title: 'S3 bucket does not allow public read access',
  severity: 'critical',
  rationale:
    'A bucket readable by anyone on the internet discloses every object in it; for ePHI that is a breach.',
  remediation: {
    cloudformation:
      'Remove AccessControl PublicRead/PublicReadWrite/AuthenticatedRead and any bucket policy statement allowing ' +
      's3:GetObject or s3:ListBucket to Principal "*"; set all four PublicAccessBlockConfiguration flags.',
    terraform:
      'Remove public ACL grants (aws_s3_bucket_acl) and "*" principals from aws_s3_bucket_policy; add ' +
      'aws_s3_bucket_public_access_block with all four flags true.',
    console:
      'S3 → bucket → Permissions → Block public access → Block all; remove public ACL grants and policy statements.',
  },
  controls: ['public-exposure', 'access-control'],
  kinds: ['Bucket'],
  equivalents: {
    cdkNag: ['HIPAA.Security-S3BucketPublicReadProhibited'],
    awsConfig: ['s3-bucket-public-read-prohibited'],
  },
  check(bucket) {
    const grants = publicGrants(
      bucket,
      ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'],
      ['s3:GetObject', 's3:ListBucket'],
    );
    if (isUnknown(grants)) return cannotVerify(`bucket ACL or policy is ${grants.$unknown}`);
    return grants.length === 0 ? pass : fail(`bucket is publicly readable: ${grants.join('; ')}`);
  },
});
