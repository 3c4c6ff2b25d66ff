import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const guarddutyDetectorEnabled = defineRule({
  id: 'guardduty-detector-enabled',
  title: 'GuardDuty detectors are enabled',
  severity: 'high',
  rationale:
    "GuardDuty is the account's threat detection (R-INF-8): credential exfiltration, crypto-mining, unusual " +
    'S3 access to ePHI. A disabled detector produces no findings. (Whether the account has a detector at all is ' +
    'checked by the monitor against the live account.)',
  remediation: {
    cloudformation: 'Set Enable: true on the AWS::GuardDuty::Detector.',
    terraform: 'Set enable = true on aws_guardduty_detector.',
    console:
      'GuardDuty → Settings → Enable GuardDuty (in every region in use, delegated administrator for the organisation).',
  },
  controls: ['threat-detection', 'security-monitoring'],
  kinds: ['Detector'],
  equivalents: { awsConfig: ['guardduty-enabled-centralized'] },
  check(detector) {
    const enabled = detector.facts.enabled;
    if (isUnknown(enabled)) return cannotVerify(`Enable is ${enabled.$unknown}`);
    return enabled ? pass : fail('the detector is disabled (Enable: false)');
  },
});
