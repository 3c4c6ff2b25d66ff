import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { delegated, kindLabel } from './databases.js';

export const rdsInBackupPlan = defineRule({
  id: 'rds-in-backup-plan',
  title: 'RDS instances and clusters are in an AWS Backup plan',
  severity: 'medium',
  rationale:
    'AWS Backup adds retention beyond 35 days, vault lock and cross-region copies to the database backups ' +
    '(R-INF-11: RPO 15 minutes, cross-region recovery).',
  remediation: {
    cloudformation:
      'Add an AWS::Backup::BackupSelection for a plan with Resources: [!Sub "arn:${AWS::Partition}:rds:...:db:<id>"] ' +
      'or ListOfTags matching a tag of the database.',
    terraform: 'Add an aws_backup_selection listing the database ARN (or selecting it by tag) in a plan.',
    console: 'AWS Backup → Backup plans → plan → Assign resources → choose the database.',
  },
  controls: ['backup', 'disaster-recovery'],
  kinds: ['Database', 'DbCluster'],
  equivalents: { cdkNag: ['HIPAA.Security-RDSInBackupPlan'], awsConfig: ['rds-in-backup-plan'] },
  check(db) {
    if (delegated(db)) return skip;
    const plans = db.facts.backupPlans;
    if (isUnknown(plans)) return cannotVerify(plans.$unknown);
    return plans.length > 0 ? pass : fail(`no AWS Backup selection covers the ${kindLabel(db)}`);
  },
});
