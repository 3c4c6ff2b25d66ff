import { isUnknown } from '../../model/values.js';
import { defineRule, fail, pass } from '../rule.js';
import { describePorts, isWorldCidr } from './ingress.js';

export const ec2SecurityGroupIngressFromGroups = defineRule({
  id: 'ec2-security-group-ingress-from-groups',
  title: 'Security groups admit internal traffic from security groups, not CIDR ranges',
  severity: 'low',
  rationale:
    'R-INF-1: a CIDR range admits whatever lands in it (a new subnet, a compromised neighbour); referencing the ' +
    'source security group ties access to the workload identity and keeps the tiers segmented.',
  remediation: {
    cloudformation:
      'Replace CidrIp/CidrIpv6 with SourceSecurityGroupId (or SourcePrefixListId for AWS-managed ranges) on internal ingress rules.',
    terraform:
      'Use referenced_security_group_id / security_groups instead of private cidr_blocks in ingress rules.',
    console:
      'EC2 → Security Groups → Inbound rules → Edit → choose the source security group instead of a CIDR.',
  },
  controls: ['network-segmentation', 'least-privilege'],
  kinds: ['SecurityGroup'],
  check(group) {
    // Internet ranges (/0) are judged by the public-ingress rules; this one is about internal CIDRs.
    const cidrRules = group.facts.ingress.filter((rule) => {
      const peer = rule.peer;
      if (isUnknown(peer) || (peer.type !== 'cidrIpv4' && peer.type !== 'cidrIpv6')) return false;
      return !isUnknown(peer.value) && !isWorldCidr(peer.value as string);
    });
    if (cidrRules.length === 0) return pass;
    return fail(
      `ingress from CIDR ranges instead of security groups: ${cidrRules
        .map(
          (rule) =>
            `${rule.origin}: ${isUnknown(rule.peer) ? '?' : String(rule.peer.value)} → ${describePorts(rule)}`,
        )
        .join('; ')}`,
    );
  },
});
