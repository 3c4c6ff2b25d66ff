import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { auditLogRole } from './buckets.js';

export const s3BucketAuditLogObjectLock = defineRule({
  id: 's3-bucket-audit-log-object-lock',
  title: 'Audit-log buckets have Object Lock with a default retention',
  severity: 'high',
  rationale:
    'Audit logs must survive an attacker or administrator who wants to erase their tracks: Object Lock with a default ' +
    'retention makes every log object undeletable for its retention period (R-INF-4, R-INF-7). An audit-log bucket ' +
    'is a CloudTrail destination in the model or a bucket tagged Purpose=audit-logs.',
  remediation: {
    cloudformation:
      'Set ObjectLockEnabled: true and ObjectLockConfiguration: { ObjectLockEnabled: Enabled, Rule: { ' +
      'DefaultRetention: { Mode: COMPLIANCE, Years: 7 } } } (Object Lock can only be enabled when the bucket is created).',
    terraform:
      'Set object_lock_enabled = true on aws_s3_bucket and add aws_s3_bucket_object_lock_configuration with ' +
      'rule.default_retention { mode = "COMPLIANCE", years = 7 }.',
    console:
      'Create a new bucket with Object Lock enabled (Advanced settings), set a default retention under Properties → ' +
      'Object Lock, and point the trail at it.',
  },
  controls: ['log-integrity', 'log-protection'],
  kinds: ['Bucket'],
  check(bucket, { model }) {
    const role = auditLogRole(bucket, model);
    if (!role) return skip;
    const lock = bucket.facts.objectLock;
    if (isUnknown(lock)) return cannotVerify(`ObjectLockEnabled is ${lock.$unknown}`);
    if (!lock.enabled) return fail(`audit-log bucket (${role}) has no Object Lock`);
    if (lock.mode === undefined || lock.days === undefined)
      return fail(`audit-log bucket (${role}) has Object Lock but no default retention`);
    if (isUnknown(lock.mode)) return cannotVerify(`Object Lock mode is ${lock.mode.$unknown}`);
    if (isUnknown(lock.days)) return cannotVerify(`Object Lock retention is ${lock.days.$unknown}`);
    return pass;
  },
});
