import { isUnknown } from '../../model/values.js';
import { inBackupPlan } from '../backup/checks.js';
import { IN_BACKUP_PLAN_REMEDIATION } from '../backup/in-backup-plan-remediation.js';
import { defineRule, pass } from '../rule.js';

export const efsFileSystemInBackupPlan = defineRule({
  id: 'efs-file-system-in-backup-plan',
  title: 'EFS file systems are backed up by AWS Backup',
  severity: 'medium',
  rationale:
    'Without a backup plan a deleted or encrypted-by-ransomware ePHI file cannot be recovered (R-INF-11).',
  remediation: {
    ...IN_BACKUP_PLAN_REMEDIATION,
    cloudformation: `Set BackupPolicy: { Status: ENABLED } or ${IN_BACKUP_PLAN_REMEDIATION.cloudformation}`,
  },
  controls: ['backup', 'disaster-recovery'],
  kinds: ['FileSystem'],
  equivalents: { cdkNag: ['HIPAA.Security-EFSInBackupPlan'], awsConfig: ['efs-in-backup-plan'] },
  check(fs) {
    // Automatic backups put the file system in the AWS Backup default plan.
    if (fs.facts.automaticBackups === true) return pass;
    if (isUnknown(fs.facts.automaticBackups)) return inBackupPlan(fs.facts.backupPlans, 'file system');
    return inBackupPlan(fs.facts.backupPlans, 'file system (and BackupPolicy is DISABLED)');
  },
});
