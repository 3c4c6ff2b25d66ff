import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const kmsKeyDeletionWindow = defineRule({
  id: 'kms-key-deletion-window',
  title: 'KMS keys keep the maximum 30-day deletion waiting period',
  severity: 'medium',
  rationale:
    'Deleting a key makes every ciphertext under it unrecoverable; the 30-day waiting period (R-INF-2) leaves ' +
    'time to notice and cancel a mistaken or malicious deletion before ePHI is lost.',
  remediation: {
    cloudformation: 'Set PendingWindowInDays: 30 on the AWS::KMS::Key (or omit it: 30 is the default).',
    terraform: 'Set deletion_window_in_days = 30 on aws_kms_key.',
    console: 'The waiting period is chosen when deletion is scheduled: always choose 30 days.',
  },
  controls: ['key-management', 'data-integrity'],
  kinds: ['Key'],
  check(key) {
    if (key.facts.keyState !== 'Enabled' && !isUnknown(key.facts.keyState)) return skip;
    const days = key.facts.pendingWindowInDays;
    if (isUnknown(days)) return cannotVerify(`PendingWindowInDays is ${days.$unknown}`);
    return days >= 30 ? pass : fail(`deletion waiting period is ${days} days; 30 required (R-INF-2)`);
  },
});
