import { isUnknown, type Unknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

/** Plans that watch where ePHI lives or runs: S3 data access, EKS, EBS malware scans. */
const REQUIRED: readonly [feature: string, label: string][] = [
  ['S3_DATA_EVENTS', 'S3 Protection'],
  ['EKS_AUDIT_LOGS', 'EKS Protection'],
  ['EBS_MALWARE_PROTECTION', 'Malware Protection for EC2'],
];

export const guarddutyProtectionPlans = defineRule({
  id: 'guardduty-protection-plans',
  title: 'GuardDuty S3, EKS and malware protection plans are on',
  severity: 'low',
  rationale:
    'Foundational GuardDuty only reads management events, VPC flow logs and DNS; S3 Protection watches object ' +
    'access to PHI buckets, EKS Protection the cluster audit log, and Malware Protection scans EBS volumes (R-INF-8).',
  remediation: {
    cloudformation:
      'Remove Features entries with Status: DISABLED (new detectors enable these plans by default) or set ' +
      'Features: [{Name: S3_DATA_EVENTS, Status: ENABLED}, {Name: EKS_AUDIT_LOGS, Status: ENABLED}, ' +
      '{Name: EBS_MALWARE_PROTECTION, Status: ENABLED}].',
    terraform:
      'Add aws_guardduty_detector_feature resources for S3_DATA_EVENTS, EKS_AUDIT_LOGS and EBS_MALWARE_PROTECTION with status = "ENABLED".',
    console: 'GuardDuty → Protection plans → S3 Protection / EKS Protection / Malware Protection → Enable.',
  },
  controls: ['threat-detection'],
  kinds: ['Detector'],
  check(detector) {
    if (detector.facts.enabled === false) return skip; // guardduty-detector-enabled reports it
    const disabled: string[] = [];
    let unresolved: Unknown | undefined;
    for (const [feature, label] of REQUIRED) {
      const status = detector.facts.features[feature];
      if (status === undefined) continue; // not declared: enabled by default on a new detector
      if (isUnknown(status)) unresolved ??= status;
      else if (!status) disabled.push(`${label} (${feature})`);
    }
    if (disabled.length > 0) return fail(`protection plan(s) disabled: ${disabled.join(', ')}`);
    if (unresolved) return cannotVerify(`a protection plan status is ${unresolved.$unknown}`);
    return pass;
  },
});
