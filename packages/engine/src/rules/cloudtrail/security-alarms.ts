import { logGroupNameOfArn } from '../../model/kinds/logs.js';
import type { Resource } from '../../model/resource.js';
import { isKnown, isRef, isUnknown } from '../../model/values.js';
import { pointsAt } from '../iam/statements.js';
import { cannotVerify, defineRule, fail, pass, type Verdict } from '../rule.js';

/**
 * The event classes R-INF-7 requires an alarm for, matched by the key tokens of the CIS AWS Foundations
 * Benchmark filter patterns (4.x / 3.x depending on version). A filter matches a class when its pattern
 * contains every token.
 */
const EVENT_CLASSES: readonly { label: string; example: string; tokens: readonly RegExp[] }[] = [
  {
    label: 'root account use',
    example:
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    tokens: [/\$\.userIdentity\.type\s*=\s*"?Root"?/i],
  },
  {
    label: 'unauthorised API calls',
    example: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
    tokens: [/UnauthorizedOperation/, /AccessDenied/],
  },
  {
    label: 'IAM policy changes',
    example:
      '{ ($.eventName = DeleteGroupPolicy) || ($.eventName = PutRolePolicy) || … ($.eventName = DetachGroupPolicy) }',
    tokens: [
      'DeleteGroupPolicy',
      'DeleteRolePolicy',
      'DeleteUserPolicy',
      'PutGroupPolicy',
      'PutRolePolicy',
      'PutUserPolicy',
      'CreatePolicy',
      'DeletePolicy',
      'CreatePolicyVersion',
      'DeletePolicyVersion',
      'AttachRolePolicy',
      'DetachRolePolicy',
      'AttachUserPolicy',
      'DetachUserPolicy',
      'AttachGroupPolicy',
      'DetachGroupPolicy',
    ].map((name) => new RegExp(`\\b${name}\\b`)),
  },
  {
    label: 'security group changes',
    example: '{ ($.eventName = AuthorizeSecurityGroupIngress) || … ($.eventName = DeleteSecurityGroup) }',
    tokens: [
      'AuthorizeSecurityGroupIngress',
      'AuthorizeSecurityGroupEgress',
      'RevokeSecurityGroupIngress',
      'RevokeSecurityGroupEgress',
      'CreateSecurityGroup',
      'DeleteSecurityGroup',
    ].map((name) => new RegExp(`\\b${name}\\b`)),
  },
  {
    label: 'KMS key disabling or scheduled deletion',
    example:
      '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
    tokens: [/\bDisableKey\b/, /\bScheduleKeyDeletion\b/],
  },
  {
    label: 'console sign-in failures',
    example: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    tokens: [/\bConsoleLogin\b/, /Failed authentication/i],
  },
];

function hasAlarmAction(alarm: Resource<'Alarm'>): boolean {
  const actions = alarm.facts.alarmActions;
  return alarm.facts.actionsEnabled !== false && !isUnknown(actions) && actions.length > 0;
}

export const cloudtrailSecurityAlarms = defineRule({
  id: 'cloudtrail-security-alarms',
  title: 'The trail log group has metric filters and alarms for security-relevant events',
  severity: 'medium',
  rationale:
    'Root use, denied calls, IAM and security-group changes, KMS key disabling/deletion and failed console ' +
    'sign-ins are early signs of compromise; R-INF-7 requires a metric filter and an alarm that notifies ' +
    'someone for each, on the CloudTrail log group.',
  remediation: {
    cloudformation:
      'For each event class add an AWS::Logs::MetricFilter on the trail log group (LogGroupName: !Ref TrailLogGroup) ' +
      'with the CIS filter pattern, and an AWS::CloudWatch::Alarm on its metric with AlarmActions: [!Ref SecurityTopic].',
    terraform:
      'For each event class add aws_cloudwatch_log_metric_filter on the trail log group with the CIS pattern and ' +
      'aws_cloudwatch_metric_alarm with alarm_actions = [aws_sns_topic.security.arn].',
    console:
      'CloudWatch → Log groups → trail log group → Metric filters → Create (CIS pattern) → Create alarm with an SNS action.',
  },
  controls: ['security-monitoring', 'incident-response', 'audit-logging'],
  kinds: ['Trail'],
  check(trail, { model }) {
    const target = trail.facts.cloudWatchLogsLogGroup;
    if (target === undefined) return pass; // no CloudWatch delivery: cloudtrail-cloudwatch-logs reports it
    if (isUnknown(target) && !target.refs?.length)
      return cannotVerify(`CloudWatchLogsLogGroupArn is ${target.$unknown}`);
    // The log group: a reference (GetAtt …Arn) or a literal ARN naming a log group.
    const refId = isRef(target) ? target.$ref : isUnknown(target) ? target.refs?.[0] : undefined;
    let group = refId ? model.get(refId) : undefined;
    let groupName: string | undefined = typeof target === 'string' ? logGroupNameOfArn(target) : undefined;
    if (!group && groupName) group = model.ofKind('LogGroup').find((r) => r.facts.name === groupName);
    if (group?.kind === 'LogGroup') {
      const name = (group as Resource<'LogGroup'>).facts.name;
      if (typeof name === 'string') groupName = name;
    }
    const groupId = group?.id ?? '';
    const groupLabel = group?.source.nativeId ?? groupName ?? 'the trail log group';
    const filters = model
      .ofKind('MetricFilter')
      .filter((r) => pointsAt(r.facts.logGroup, groupId, groupName));
    if (!group && filters.length === 0)
      return cannotVerify(
        `the trail log group ${groupName ?? ''} is not declared in this input`.replace('  ', ' '),
      );
    const alarms = model.ofKind('Alarm');
    const verdicts: Verdict[] = [];
    for (const eventClass of EVENT_CLASSES) {
      const matching = filters.filter((filter) => {
        const pattern = filter.facts.filterPattern;
        return typeof pattern === 'string' && eventClass.tokens.every((token) => token.test(pattern));
      });
      if (matching.length === 0) {
        const unresolved = filters.find((filter) => isUnknown(filter.facts.filterPattern));
        verdicts.push(
          unresolved
            ? cannotVerify(`${eventClass.label}: filter pattern of ${unresolved.source.nativeId} is unknown`)
            : fail(
                `no metric filter on ${groupLabel} matches ${eventClass.label} (R-INF-7; CIS pattern ${eventClass.example})`,
              ),
        );
        continue;
      }
      const alarmed = matching.some((filter) => {
        const metrics = filter.facts.metrics;
        if (isUnknown(metrics)) return false;
        return metrics.some((metric) =>
          alarms.some(
            (alarm) =>
              hasAlarmAction(alarm) &&
              alarm.facts.metrics.some(
                (m) =>
                  isKnown(m.metricName) &&
                  m.metricName === metric.metricName &&
                  isKnown(m.namespace) &&
                  m.namespace === metric.metricNamespace,
              ),
          ),
        );
      });
      if (!alarmed)
        verdicts.push(
          fail(
            `${eventClass.label}: metric filter ${matching.map((f) => f.source.nativeId).join(', ')} has no alarm ` +
              'with an enabled alarm action on its metric (R-INF-7)',
          ),
        );
    }
    return verdicts.length > 0 ? verdicts : pass;
  },
});
