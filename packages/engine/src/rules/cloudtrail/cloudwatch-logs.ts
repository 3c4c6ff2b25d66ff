import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const cloudtrailCloudWatchLogs = defineRule({
  id: 'cloudtrail-cloudwatch-logs',
  title: 'CloudTrail trails deliver events to CloudWatch Logs',
  severity: 'medium',
  rationale:
    'Delivery to CloudWatch Logs is what lets metric filters and alarms react to root use, unauthorised calls ' +
    'and policy changes within minutes (R-INF-7); S3 delivery alone is only read after the fact.',
  remediation: {
    cloudformation:
      'Set CloudWatchLogsLogGroupArn: !GetAtt TrailLogGroup.Arn and CloudWatchLogsRoleArn: !GetAtt TrailLogsRole.Arn.',
    terraform:
      'Set cloud_watch_logs_group_arn to the log group ARN followed by ":*" ' +
      '(aws_cloudwatch_log_group.trail.arn) and cloud_watch_logs_role_arn.',
    console: 'CloudTrail → Trails → trail → CloudWatch Logs → Edit → Enabled, choose a log group and role.',
  },
  controls: ['audit-logging', 'security-monitoring'],
  kinds: ['Trail'],
  equivalents: {
    cdkNag: ['HIPAA.Security-CloudTrailCloudWatchLogsEnabled'],
    awsConfig: ['cloud-trail-cloud-watch-logs-enabled'],
  },
  check(trail) {
    const group = trail.facts.cloudWatchLogsLogGroup;
    if (group === undefined) return fail('no CloudWatch Logs delivery (CloudWatchLogsLogGroupArn not set)');
    if (isUnknown(group)) return cannotVerify(`CloudWatchLogsLogGroupArn is ${group.$unknown}`);
    if (trail.facts.cloudWatchLogsRole === undefined)
      return fail(
        'CloudWatchLogsLogGroupArn is set but CloudWatchLogsRoleArn is not: CloudTrail cannot deliver',
      );
    return pass;
  },
});
