import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const cloudtrailMultiRegion = defineRule({
  id: 'cloudtrail-multi-region',
  title: 'CloudTrail trails cover every region and global service events',
  severity: 'high',
  rationale:
    'A single-region trail misses activity in other regions, where an attacker can create resources or copy ' +
    'ePHI unobserved; global service events carry IAM and STS activity (R-INF-7).',
  remediation: {
    cloudformation:
      'Set IsMultiRegionTrail: true and IncludeGlobalServiceEvents: true (and IsOrganizationTrail where possible).',
    terraform: 'Set is_multi_region_trail = true and include_global_service_events = true on aws_cloudtrail.',
    console: 'CloudTrail → Trails → trail → General details → Edit → Apply trail to all regions.',
  },
  controls: ['audit-logging'],
  kinds: ['Trail'],
  equivalents: { awsConfig: ['multi-region-cloudtrail-enabled'] },
  check(trail) {
    const { multiRegion, includeGlobalServiceEvents } = trail.facts;
    if (isUnknown(multiRegion)) return cannotVerify(`IsMultiRegionTrail is ${multiRegion.$unknown}`);
    if (isUnknown(includeGlobalServiceEvents))
      return cannotVerify(`IncludeGlobalServiceEvents is ${includeGlobalServiceEvents.$unknown}`);
    const problems: string[] = [];
    if (!multiRegion)
      problems.push('the trail records one region only (IsMultiRegionTrail is false or not set)');
    if (!includeGlobalServiceEvents) problems.push('global service events (IAM, STS) are excluded');
    return problems.length > 0 ? fail(problems.join('; ')) : pass;
  },
});
