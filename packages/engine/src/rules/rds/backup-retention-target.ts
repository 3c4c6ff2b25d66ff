import { isUnknown } from '../../model/values.js';
import { defineRule, fail, pass, skip } from '../rule.js';
import { RDS_BACKUP_MINIMUM_DAYS, RDS_BACKUP_TARGET_DAYS } from './backup-retention.js';
import { delegated } from './databases.js';

export const rdsBackupRetentionTarget = defineRule({
  id: 'rds-backup-retention-target',
  title: 'RDS automated backups are kept 35 days (the maximum)',
  severity: 'low',
  rationale:
    'R-INF-3 sets 35 days, the RDS maximum, as the target; 30–34 days meets the minimum but leaves less room to find ' +
    'a clean copy after a late-detected incident.',
  remediation: {
    cloudformation: 'Set BackupRetentionPeriod: 35.',
    terraform: 'Set backup_retention_period = 35.',
    console: 'RDS → database → Modify → Backup retention period → 35 days.',
  },
  controls: ['backup'],
  kinds: ['Database', 'DbCluster'],
  check(db) {
    if (delegated(db)) return skip;
    const days = db.facts.backupRetentionDays;
    if (isUnknown(days) || days < RDS_BACKUP_MINIMUM_DAYS) return skip; // rds-backup-retention / rds-backup-enabled
    return days >= RDS_BACKUP_TARGET_DAYS
      ? pass
      : fail(
          `backup retention is ${days} days: meets the ${RDS_BACKUP_MINIMUM_DAYS}-day minimum, below the ${RDS_BACKUP_TARGET_DAYS}-day target (R-INF-3)`,
        );
  },
});
