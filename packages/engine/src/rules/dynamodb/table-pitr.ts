import { mustHold } from '../backup/checks.js';
import { defineRule } from '../rule.js';

export const dynamodbTablePitr = defineRule({
  id: 'dynamodb-table-pitr',
  title: 'DynamoDB tables have point-in-time recovery',
  severity: 'high',
  rationale:
    'Point-in-time recovery restores a table to any second of the last 35 days after a bad write or deletion of ' +
    'ePHI (R-INF-3, R-INF-11 RPO 15 minutes).',
  remediation: {
    cloudformation:
      'Set PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } (every replica of a GlobalTable).',
    terraform: 'Add point_in_time_recovery { enabled = true } to aws_dynamodb_table.',
    console: 'DynamoDB → table → Backups → Point-in-time recovery → Edit → Turn on.',
  },
  controls: ['backup', 'data-integrity'],
  kinds: ['Table'],
  equivalents: { cdkNag: ['HIPAA.Security-DynamoDBPITREnabled'], awsConfig: ['dynamodb-pitr-enabled'] },
  check(table) {
    return mustHold(
      table.facts.pointInTimeRecovery,
      'point-in-time recovery',
      'point-in-time recovery is off',
    );
  },
});
