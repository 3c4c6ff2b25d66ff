import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { logBucketRole } from './buckets.js';

const ARCHIVE_CLASSES = ['GLACIER', 'DEEP_ARCHIVE', 'GLACIER_IR'];

export const s3BucketLogLifecycleGlacier = defineRule({
  id: 's3-bucket-log-lifecycle-glacier',
  title: 'Log buckets move old logs to Glacier',
  severity: 'low',
  rationale:
    'Logs are kept six to seven years (R-INF-7); a lifecycle transition to an archive class keeps that retention ' +
    'affordable so nobody shortens it to save cost (R-INF-4).',
  remediation: {
    cloudformation:
      'Add LifecycleConfiguration.Rules: [{ Status: Enabled, Transitions: [{ StorageClass: GLACIER, TransitionInDays: 90 }] }].',
    terraform:
      'Add aws_s3_bucket_lifecycle_configuration with a rule { status = "Enabled" transition { days = 90 ' +
      'storage_class = "GLACIER" } }.',
    console:
      'S3 → log bucket → Management → Lifecycle rules → Create → transition current versions to Glacier.',
  },
  controls: ['data-lifecycle', 'log-retention'],
  kinds: ['Bucket'],
  check(bucket, { model }) {
    const role = logBucketRole(bucket, model);
    if (!role) return skip;
    const rules = bucket.facts.lifecycleRules;
    if (isUnknown(rules)) return cannotVerify(`lifecycle rules are ${rules.$unknown}`);
    const archives = rules.some(
      (rule) =>
        rule.enabled === true &&
        rule.transitionsTo.some(
          (storageClass) => typeof storageClass === 'string' && ARCHIVE_CLASSES.includes(storageClass),
        ),
    );
    return archives ? pass : fail(`log bucket (${role}) has no enabled lifecycle transition to Glacier`);
  },
});
