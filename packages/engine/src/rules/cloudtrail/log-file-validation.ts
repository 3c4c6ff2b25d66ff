import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const cloudtrailLogFileValidation = defineRule({
  id: 'cloudtrail-log-file-validation',
  title: 'CloudTrail log-file integrity validation is enabled',
  severity: 'medium',
  rationale:
    'Signed digest files prove that audit logs were not altered or deleted after delivery, which an ' +
    'investigation or audit relies on (R-INF-7).',
  remediation: {
    cloudformation: 'Set EnableLogFileValidation: true on the AWS::CloudTrail::Trail.',
    terraform: 'Set enable_log_file_validation = true on aws_cloudtrail.',
    console: 'CloudTrail → Trails → trail → General details → Edit → Log file validation → Enabled.',
  },
  controls: ['log-integrity', 'audit-logging'],
  kinds: ['Trail'],
  equivalents: {
    cdkNag: ['HIPAA.Security-CloudTrailLogFileValidationEnabled'],
    awsConfig: ['cloud-trail-log-file-validation-enabled'],
  },
  check(trail) {
    const enabled = trail.facts.logFileValidation;
    if (isUnknown(enabled)) return cannotVerify(`EnableLogFileValidation is ${enabled.$unknown}`);
    return enabled ? pass : fail('log-file validation is off (EnableLogFileValidation is false or not set)');
  },
});
