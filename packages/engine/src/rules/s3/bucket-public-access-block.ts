import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const s3BucketPublicAccessBlock = defineRule({
  id: 's3-bucket-public-access-block',
  title: 'S3 bucket blocks all four kinds of public access',
  severity: 'high',
  rationale:
    'The bucket-level public access block overrides any ACL or policy that would expose objects; without all four ' +
    'settings one mistaken grant can publish ePHI to the internet.',
  remediation: {
    cloudformation:
      'Set PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, ' +
      'RestrictPublicBuckets: true }.',
    terraform:
      'Add aws_s3_bucket_public_access_block with block_public_acls, ignore_public_acls, block_public_policy and ' +
      'restrict_public_buckets all true.',
    console: 'S3 → bucket → Permissions → Block public access → Edit → tick "Block all public access".',
  },
  controls: ['public-exposure', 'access-control'],
  kinds: ['Bucket'],
  equivalents: {
    cdkNag: ['HIPAA.Security-S3BucketLevelPublicAccessProhibited'],
    awsConfig: ['s3-bucket-level-public-access-prohibited', 's3-account-level-public-access-blocks-periodic'],
  },
  check(bucket) {
    const settings = bucket.facts.publicAccessBlock;
    const unknownSetting = Object.entries(settings).find(([, value]) => isUnknown(value));
    if (unknownSetting)
      return cannotVerify(`public access block ${unknownSetting[0]} is ${JSON.stringify(unknownSetting[1])}`);
    const off = Object.entries(settings)
      .filter(([, value]) => value !== true)
      .map(([name]) => name);
    return off.length === 0 ? pass : fail(`public access block does not set ${off.join(', ')}`);
  },
});
