import { LOG_RETENTION_VALUES, logGroupNameOfArn } from '../../model/kinds/logs.js';
import type { Model, Resource } from '../../model/resource.js';
import { isUnknown } from '../../model/values.js';
import { pointsAt } from '../iam/statements.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

/** 164.316(b)(2)(i): documentation, audit logs included, is kept six years. */
const MINIMUM_DAYS = 2192;
/** R-INF-7: CloudTrail 2,555 days (7 years); 2,557 is the smallest CloudWatch value at or above it. */
const CLOUDTRAIL_DAYS = 2555;
const CLOUDTRAIL_VALUE = LOG_RETENTION_VALUES.find((v) => v >= CLOUDTRAIL_DAYS) ?? 2557;

/** Trails of the model that deliver to this log group. */
function trailsDeliveringTo(group: Resource<'LogGroup'>, model: Model): Resource<'Trail'>[] {
  const name = group.facts.name;
  return model.ofKind('Trail').filter((r) => {
    const target = r.facts.cloudWatchLogsLogGroup;
    if (typeof target === 'string') return typeof name === 'string' && logGroupNameOfArn(target) === name;
    return pointsAt(target, group.id);
  });
}

export const logsLogGroupRetention = defineRule({
  id: 'logs-log-group-retention',
  title: 'CloudWatch log groups keep events at least 6 years (CloudTrail log groups 7)',
  severity: 'medium',
  rationale:
    'HIPAA requires audit records and documentation to be retained six years; R-INF-7 sets 2,192 days for ' +
    'CloudWatch logs and 2,555 days for CloudTrail. A shorter retention silently deletes the evidence.',
  remediation: {
    cloudformation:
      'Set RetentionInDays: 2192 (or more) on the AWS::Logs::LogGroup; 2557 for the CloudTrail log group ' +
      '(2555 is not an accepted value). Omitting it keeps events forever.',
    terraform:
      'Set retention_in_days = 2192 (2557 for the CloudTrail log group) on aws_cloudwatch_log_group.',
    console:
      'CloudWatch → Log groups → group → Actions → Edit retention setting → 6 years (7 years for CloudTrail).',
  },
  controls: ['log-retention', 'audit-logging'],
  kinds: ['LogGroup'],
  equivalents: {
    cdkNag: ['HIPAA.Security-CloudWatchLogGroupRetentionPeriod'],
    awsConfig: ['cw-loggroup-retention-period-check'],
  },
  check(group, { model }) {
    const days = group.facts.retentionInDays;
    if (isUnknown(days)) return cannotVerify(`RetentionInDays is ${days.$unknown}`);
    // Never-expire keeps every event: the retention requirement is met (a stricter reading than cdk-nag's
    // "set explicitly", which would also accept 1 day).
    if (days === 'never-expire') return pass;
    const trails = trailsDeliveringTo(group, model);
    if (trails.length > 0 && days < CLOUDTRAIL_DAYS)
      return fail(
        `retention is ${days} days but ${trails.map((t) => t.source.nativeId).join(', ')} delivers CloudTrail ` +
          `events here: at least ${CLOUDTRAIL_DAYS} days required (R-INF-7); set ${CLOUDTRAIL_VALUE}, since ` +
          `${CLOUDTRAIL_DAYS} is not a value CloudWatch Logs accepts`,
      );
    if (days < MINIMUM_DAYS)
      return fail(`retention is ${days} days; at least ${MINIMUM_DAYS} (6 years) required (R-INF-7)`);
    return pass;
  },
});
