import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const dynamodbTableAutoscaling = defineRule({
  id: 'dynamodb-table-autoscaling',
  title: 'DynamoDB tables scale their capacity (on-demand or auto scaling)',
  severity: 'low',
  rationale:
    'Fixed provisioned capacity throttles requests under load, making ePHI unavailable; on-demand mode or auto ' +
    'scaling of read and write capacity keeps it available.',
  remediation: {
    cloudformation:
      'Set BillingMode: PAY_PER_REQUEST, or add AWS::ApplicationAutoScaling::ScalableTarget resources for ' +
      'dynamodb:table:ReadCapacityUnits and WriteCapacityUnits with target-tracking policies.',
    terraform:
      'Set billing_mode = "PAY_PER_REQUEST" or add aws_appautoscaling_target/policy for read and write capacity.',
    console:
      'DynamoDB → table → Additional settings → Read/write capacity → Edit → On-demand, or turn on auto scaling.',
  },
  controls: ['capacity-management', 'high-availability'],
  kinds: ['Table'],
  equivalents: {
    cdkNag: ['HIPAA.Security-DynamoDBAutoScalingEnabled'],
    awsConfig: ['dynamodb-autoscaling-enabled'],
  },
  check(table) {
    const { billingMode, autoScaling } = table.facts;
    if (isUnknown(billingMode)) return cannotVerify(`BillingMode is ${billingMode.$unknown}`);
    if (billingMode === 'PAY_PER_REQUEST') return pass;
    const missing = (['read', 'write'] as const).filter((d) => autoScaling[d] !== true);
    const unknownDimension = missing.find((d) => isUnknown(autoScaling[d]));
    if (unknownDimension)
      return cannotVerify(`${unknownDimension} auto scaling target is known only at deploy time`);
    return missing.length === 0
      ? pass
      : fail(`provisioned capacity without auto scaling of ${missing.join(' and ')} capacity`);
  },
});
