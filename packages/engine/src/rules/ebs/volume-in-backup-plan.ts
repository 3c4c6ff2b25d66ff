import { inBackupPlan } from '../backup/checks.js';
import { IN_BACKUP_PLAN_REMEDIATION } from '../backup/in-backup-plan-remediation.js';
import { defineRule } from '../rule.js';

export const ebsVolumeInBackupPlan = defineRule({
  id: 'ebs-volume-in-backup-plan',
  title: 'EBS volumes are in an AWS Backup plan',
  severity: 'medium',
  rationale:
    'Without scheduled snapshots a lost or corrupted volume holding ePHI cannot be recovered (R-INF-11).',
  remediation: IN_BACKUP_PLAN_REMEDIATION,
  controls: ['backup', 'disaster-recovery'],
  kinds: ['Volume'],
  equivalents: { cdkNag: ['HIPAA.Security-EC2EBSInBackupPlan'], awsConfig: ['ebs-in-backup-plan'] },
  check(volume) {
    return inBackupPlan(volume.facts.backupPlans, 'volume');
  },
});
