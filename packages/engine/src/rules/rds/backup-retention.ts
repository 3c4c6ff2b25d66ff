import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { delegated } from './databases.js';

/** R-INF-3: backups kept at least 35 days; 30 is the floor below which a database is non-compliant. */
export const RDS_BACKUP_MINIMUM_DAYS = 30;
export const RDS_BACKUP_TARGET_DAYS = 35;

export const rdsBackupRetention = defineRule({
  id: 'rds-backup-retention',
  title: 'RDS automated backups are kept at least 30 days',
  severity: 'medium',
  rationale:
    'Corruption or a ransomware encryption of ePHI is often noticed weeks later; fewer than 30 days of backups ' +
    'may not reach back to a clean copy (R-INF-3: ≥ 35 days, minimum 30). 30–34 days is reported by ' +
    'rds-backup-retention-target at low severity.',
  remediation: {
    cloudformation: 'Set BackupRetentionPeriod: 35.',
    terraform: 'Set backup_retention_period = 35.',
    console: 'RDS → database → Modify → Backup retention period → 35 days.',
  },
  controls: ['backup', 'disaster-recovery'],
  kinds: ['Database', 'DbCluster'],
  check(db) {
    if (delegated(db)) return skip;
    const days = db.facts.backupRetentionDays;
    if (isUnknown(days)) return cannotVerify(`BackupRetentionPeriod is ${days.$unknown}`);
    if (days === 0) return skip; // rds-backup-enabled
    return days >= RDS_BACKUP_MINIMUM_DAYS
      ? pass
      : fail(
          `backup retention is ${days} days; at least ${RDS_BACKUP_TARGET_DAYS} required (R-INF-3), minimum ${RDS_BACKUP_MINIMUM_DAYS}`,
        );
  },
});
