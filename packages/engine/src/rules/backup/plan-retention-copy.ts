import { isRef, isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const BACKUP_MINIMUM_RETENTION_DAYS = 35;

export const backupPlanRetentionCopy = defineRule({
  id: 'backup-plan-retention-copy',
  title: 'Backup plans keep recovery points 35 days and copy them to another region',
  severity: 'medium',
  rationale:
    'R-INF-11 (RPO 15 minutes, RTO 45 minutes, regional disaster): every rule must keep recovery points at least 35 ' +
    'days and copy them to a vault outside the primary region, itself kept 35 days.',
  remediation: {
    cloudformation:
      'In each BackupPlanRule set Lifecycle.DeleteAfterDays ≥ 35 and CopyActions: [{ DestinationBackupVaultArn: ' +
      '<vault ARN in the recovery region>, Lifecycle: { DeleteAfterDays: 35 } }].',
    terraform:
      'In each aws_backup_plan rule set lifecycle { delete_after = 35 } and a copy_action to a vault in the recovery region.',
    console:
      'AWS Backup → Backup plans → plan → Edit rule → Retention 35 days; Copy to destination → another region.',
  },
  controls: ['backup', 'disaster-recovery'],
  kinds: ['BackupPlan'],
  equivalents: {
    awsConfig: [
      'backup-plan-min-frequency-and-min-retention-check',
      'backup-recovery-point-minimum-retention-check',
    ],
  },
  check(plan) {
    const rules = plan.facts.rules;
    if (isUnknown(rules)) return cannotVerify(`backup plan rules are ${rules.$unknown}`);
    if (rules.length === 0) return fail('backup plan has no rules');
    const problems: string[] = [];
    for (const rule of rules) {
      const name = typeof rule.name === 'string' ? `rule "${rule.name}"` : 'a rule';
      const days = rule.retentionDays;
      if (isUnknown(days)) return cannotVerify(`${name}: DeleteAfterDays is ${days.$unknown}`);
      if (days !== undefined && days < BACKUP_MINIMUM_RETENTION_DAYS)
        problems.push(
          `${name} keeps recovery points ${days} days (at least ${BACKUP_MINIMUM_RETENTION_DAYS})`,
        );
      const copies = rule.copies;
      if (isUnknown(copies)) return cannotVerify(`${name}: CopyActions are ${copies.$unknown}`);
      // A copy to a vault declared in the same input stays in the same account and region. A literal ARN or one built
      // at deploy time points elsewhere; its region cannot be compared with the stack's, which a template does not fix.
      const offsite = copies.filter((copy) => !isRef(copy.destination));
      if (offsite.length === 0) problems.push(`${name} has no copy to a vault in another region`);
      for (const copy of offsite) {
        if (isUnknown(copy.retentionDays))
          return cannotVerify(`${name}: copy retention is ${copy.retentionDays.$unknown}`);
        if (copy.retentionDays !== undefined && copy.retentionDays < BACKUP_MINIMUM_RETENTION_DAYS)
          problems.push(
            `${name} keeps its copies ${copy.retentionDays} days (at least ${BACKUP_MINIMUM_RETENTION_DAYS})`,
          );
      }
    }
    return problems.length === 0 ? pass : fail(problems.join('; '));
  },
});
