import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const rdsEnhancedMonitoring = defineRule({
  id: 'rds-enhanced-monitoring',
  title: 'RDS instances have enhanced monitoring',
  severity: 'low',
  rationale:
    'Enhanced monitoring reports OS-level metrics (processes, memory, I/O) every few seconds, the evidence needed to ' +
    'tell an attack or runaway query from a capacity problem (R-INF-3).',
  remediation: {
    cloudformation:
      'Set MonitoringInterval: 60 and MonitoringRoleArn to a role with AmazonRDSEnhancedMonitoringRole.',
    terraform: 'Set monitoring_interval = 60 and monitoring_role_arn on aws_db_instance.',
    console: 'RDS → database → Modify → Monitoring → Enable Enhanced monitoring.',
  },
  controls: ['security-monitoring', 'capacity-management'],
  kinds: ['Database'],
  equivalents: {
    cdkNag: ['HIPAA.Security-RDSEnhancedMonitoringEnabled'],
    awsConfig: ['rds-enhanced-monitoring-enabled'],
  },
  check(db) {
    const interval = db.facts.monitoringInterval;
    if (isUnknown(interval)) return cannotVerify(`MonitoringInterval is ${interval.$unknown}`);
    return interval > 0 ? pass : fail('enhanced monitoring is off (MonitoringInterval 0)');
  },
});
