import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const cloudwatchAlarmAction = defineRule({
  id: 'cloudwatch-alarm-action',
  title: 'CloudWatch alarms notify someone when they fire',
  severity: 'medium',
  rationale:
    'An alarm without an enabled alarm action changes state with nobody told, so a security event it was ' +
    'built to catch goes unanswered (incident response, R-MON-4).',
  remediation: {
    cloudformation: 'Set AlarmActions: [!Ref SecurityTopic] and leave ActionsEnabled unset or true.',
    terraform:
      'Set alarm_actions = [aws_sns_topic.security.arn] and actions_enabled = true on aws_cloudwatch_metric_alarm.',
    console:
      'CloudWatch → Alarms → alarm → Actions → Edit → add a notification to an SNS topic; enable actions.',
  },
  controls: ['security-monitoring', 'incident-response'],
  kinds: ['Alarm'],
  equivalents: {
    cdkNag: ['HIPAA.Security-CloudWatchAlarmAction'],
    awsConfig: ['cloudwatch-alarm-action-check'],
  },
  check(alarm) {
    const enabled = alarm.facts.actionsEnabled;
    if (isUnknown(enabled)) return cannotVerify(`ActionsEnabled is ${enabled.$unknown}`);
    if (!enabled) return fail('alarm actions are disabled (ActionsEnabled: false)');
    const actions = alarm.facts.alarmActions;
    if (isUnknown(actions)) return cannotVerify(`AlarmActions is ${actions.$unknown}`);
    // Stricter than cdk-nag, which accepts an OK or INSUFFICIENT_DATA action alone: only an ALARM action
    // tells someone the condition occurred.
    if (actions.length === 0) {
      const others =
        (isUnknown(alarm.facts.okActions) ? 0 : alarm.facts.okActions.length) +
        (isUnknown(alarm.facts.insufficientDataActions) ? 0 : alarm.facts.insufficientDataActions.length);
      return fail(
        others > 0
          ? 'the alarm has OK/INSUFFICIENT_DATA actions but no AlarmActions: nobody is told when it fires'
          : 'the alarm has no actions (AlarmActions empty)',
      );
    }
    return pass;
  },
});
