import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const cloudtrailLoggingOn = defineRule({
  id: 'cloudtrail-logging-on',
  title: 'CloudTrail trails are logging',
  severity: 'high',
  rationale:
    'A trail that is not logging records nothing: the audit trail HIPAA requires has a gap (R-INF-7).',
  remediation: {
    cloudformation: 'Set IsLogging: true on the AWS::CloudTrail::Trail.',
    terraform: 'Set enable_logging = true on aws_cloudtrail (the default).',
    console: 'CloudTrail → Trails → trail → Start logging.',
  },
  controls: ['audit-logging'],
  kinds: ['Trail'],
  equivalents: { awsConfig: ['cloudtrail-enabled'] },
  check(trail) {
    const logging = trail.facts.isLogging;
    if (isUnknown(logging)) return cannotVerify(`IsLogging is ${logging.$unknown}`);
    return logging ? pass : fail('the trail is not logging (IsLogging is false)');
  },
});
