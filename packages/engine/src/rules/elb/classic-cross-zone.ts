import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const elbClassicCrossZone = defineRule({
  id: 'elb-classic-cross-zone',
  title: 'Classic load balancers span two or more zones with cross-zone load balancing',
  severity: 'low',
  rationale:
    'Without cross-zone balancing across at least two Availability Zones, losing one zone takes the service down, ' +
    'and with it access to ePHI (HIPAA contingency planning).',
  remediation: {
    cloudformation:
      'Set CrossZone: true and at least two Subnets (or AvailabilityZones) on AWS::ElasticLoadBalancing::LoadBalancer.',
    terraform: 'Set cross_zone_load_balancing = true and two or more subnets on aws_elb.',
    console: 'EC2 → Load balancers → the classic ELB → Attributes → Cross-zone load balancing: on.',
  },
  controls: ['high-availability'],
  kinds: ['LoadBalancer'],
  equivalents: {
    cdkNag: ['HIPAA.Security-ELBCrossZoneLoadBalancingEnabled'],
    awsConfig: ['elb-cross-zone-load-balancing-enabled'],
  },
  check(lb) {
    if (lb.facts.variant !== 'classic') return skip;
    const { crossZone, zoneCount } = lb.facts;
    if (crossZone === false) return fail('CrossZone is not enabled (default false)');
    if (zoneCount !== undefined && !isUnknown(zoneCount) && zoneCount < 2)
      return fail(`spans ${zoneCount} zone(s); at least 2 required`);
    if (isUnknown(crossZone)) return cannotVerify(`CrossZone is ${crossZone.$unknown}`);
    if (isUnknown(zoneCount)) return cannotVerify(`subnets are ${zoneCount.$unknown}`);
    return pass;
  },
});
