import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { delegated } from './databases.js';

/** The log types cdk-nag and AWS Config expect exported, per engine. */
function requiredLogs(engine: string, cluster: boolean): string[] {
  if (engine.includes('aurora-postgresql')) return ['postgresql'];
  if (engine === 'aurora' || engine === 'aurora-mysql') return ['audit', 'error', 'general', 'slowquery'];
  if (engine.includes('mariadb') || engine.includes('mysql'))
    return ['audit', 'error', 'general', 'slowquery'];
  if (engine.includes('postgres')) return cluster ? ['postgresql'] : ['postgresql', 'upgrade'];
  if (engine.includes('oracle')) return ['audit', 'alert', 'listener', 'oemagent', 'trace'];
  if (engine.includes('sqlserver')) return ['agent', 'error'];
  return [];
}

export const rdsLogging = defineRule({
  id: 'rds-logging',
  title: 'RDS instances and clusters export their logs to CloudWatch Logs',
  severity: 'medium',
  rationale:
    'Database logs (connections, errors, audit) in CloudWatch Logs are retained, searchable and alarmable; on the ' +
    'instance they rotate away within days (audit controls, R-INF-3 log exports).',
  remediation: {
    cloudformation:
      'Set EnableCloudwatchLogsExports to every log type of the engine (PostgreSQL: [postgresql, upgrade]).',
    terraform: 'Set enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"] (per engine).',
    console: 'RDS → database → Modify → Log exports → tick every log type.',
  },
  controls: ['audit-logging'],
  kinds: ['Database', 'DbCluster'],
  equivalents: { cdkNag: ['HIPAA.Security-RDSLoggingEnabled'], awsConfig: ['rds-logging-enabled'] },
  check(db) {
    if (delegated(db)) return skip;
    const { engine, logExports } = db.facts;
    if (isUnknown(engine)) return cannotVerify(`engine is ${engine.$unknown}`);
    if (isUnknown(logExports)) return cannotVerify(`EnableCloudwatchLogsExports is ${logExports.$unknown}`);
    if (logExports.some(isUnknown))
      return cannotVerify('EnableCloudwatchLogsExports has a value known only at deploy time');
    const missing = requiredLogs(engine, db.kind === 'DbCluster').filter((log) => !logExports.includes(log));
    return missing.length === 0
      ? pass
      : fail(`log types not exported to CloudWatch Logs: ${missing.join(', ')}`);
  },
});
