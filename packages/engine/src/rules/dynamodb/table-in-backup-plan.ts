import { inBackupPlan } from '../backup/checks.js';
import { IN_BACKUP_PLAN_REMEDIATION } from '../backup/in-backup-plan-remediation.js';
import { defineRule } from '../rule.js';

export const dynamodbTableInBackupPlan = defineRule({
  id: 'dynamodb-table-in-backup-plan',
  title: 'DynamoDB tables are in an AWS Backup plan',
  severity: 'medium',
  rationale:
    'AWS Backup keeps table backups beyond the 35 days of point-in-time recovery, locks them in a vault and copies ' +
    'them to another region (R-INF-11).',
  remediation: IN_BACKUP_PLAN_REMEDIATION,
  controls: ['backup', 'disaster-recovery'],
  kinds: ['Table'],
  equivalents: { cdkNag: ['HIPAA.Security-DynamoDBInBackupPlan'], awsConfig: ['dynamodb-in-backup-plan'] },
  check(table) {
    return inBackupPlan(table.facts.backupPlans, 'table');
  },
});
