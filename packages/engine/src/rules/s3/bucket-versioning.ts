import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const s3BucketVersioning = defineRule({
  id: 's3-bucket-versioning',
  title: 'S3 bucket has versioning enabled',
  severity: 'medium',
  rationale:
    'Versioning keeps every prior version of an object, so an overwritten or deleted record can be recovered ' +
    '(integrity and contingency of ePHI).',
  remediation: {
    cloudformation: 'Set VersioningConfiguration: { Status: Enabled }.',
    terraform: 'Add aws_s3_bucket_versioning with versioning_configuration { status = "Enabled" }.',
    console: 'S3 → bucket → Properties → Bucket Versioning → Edit → Enable.',
  },
  controls: ['data-integrity', 'backup'],
  kinds: ['Bucket'],
  equivalents: {
    cdkNag: ['HIPAA.Security-S3BucketVersioningEnabled'],
    awsConfig: ['s3-bucket-versioning-enabled'],
  },
  check(bucket) {
    const versioning = bucket.facts.versioning;
    if (isUnknown(versioning)) return cannotVerify(`versioning status is ${versioning.$unknown}`);
    return versioning === 'Enabled' ? pass : fail(`versioning is ${versioning}`);
  },
});
