import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { delegated, kindLabel } from './databases.js';

export const rdsBackupEnabled = defineRule({
  id: 'rds-backup-enabled',
  title: 'RDS automated backups are enabled',
  severity: 'high',
  rationale:
    'A retention period of 0 turns off automated backups and point-in-time restore: a deleted or corrupted ePHI ' +
    'record could not be recovered (contingency plan, data backup).',
  remediation: {
    cloudformation: 'Set BackupRetentionPeriod: 35.',
    terraform: 'Set backup_retention_period = 35.',
    console: 'RDS → database → Modify → Backup → Backup retention period → 35 days.',
  },
  controls: ['backup'],
  kinds: ['Database', 'DbCluster'],
  equivalents: {
    cdkNag: ['HIPAA.Security-RDSInstanceBackupEnabled'],
    awsConfig: ['db-instance-backup-enabled'],
  },
  check(db) {
    if (delegated(db)) return skip;
    const days = db.facts.backupRetentionDays;
    if (isUnknown(days)) return cannotVerify(`BackupRetentionPeriod is ${days.$unknown}`);
    return days > 0
      ? pass
      : fail(`automated backups are off on the ${kindLabel(db)} (BackupRetentionPeriod 0)`);
  },
});
