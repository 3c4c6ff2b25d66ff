import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { isAwsManagedRdsKey } from './databases.js';

export const rdsPerformanceInsightsCmk = defineRule({
  id: 'rds-performance-insights-cmk',
  title: 'Performance Insights data is encrypted with a customer managed key',
  severity: 'medium',
  rationale:
    'Performance Insights stores the text of the top SQL statements, which can contain ePHI literals; it must be ' +
    'under the same customer managed key as the database (R-INF-3).',
  remediation: {
    cloudformation: 'Set PerformanceInsightsKMSKeyId: !Ref PhiKey (DBCluster: PerformanceInsightsKmsKeyId).',
    terraform: 'Set performance_insights_kms_key_id = aws_kms_key.phi.arn.',
    console:
      'The Performance Insights key cannot be changed once set: disable Performance Insights, then enable it with the ' +
      'customer managed key.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Database', 'DbCluster'],
  check(db) {
    const { enabled, kmsKey } = db.facts.performanceInsights;
    if (isUnknown(enabled)) return cannotVerify(`Performance Insights setting is ${enabled.$unknown}`);
    if (!enabled) return skip;
    // Without its own key, Performance Insights uses the instance's storage key, or aws/rds.
    const key = kmsKey ?? db.facts.kmsKey;
    return isAwsManagedRdsKey(key)
      ? fail('Performance Insights is enabled with the AWS managed key aws/rds, not a customer managed key')
      : pass;
  },
});
