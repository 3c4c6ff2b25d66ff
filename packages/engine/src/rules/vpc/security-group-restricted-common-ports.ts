import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import { describePeer, worldOpenings } from './ingress.js';

/** cdk-nag's list (FTP 20/21, RDP 3389, 3309, MySQL 3306, 4333) plus other commonly attacked services. */
export const COMMON_PORTS = [20, 21, 23, 25, 110, 135, 143, 445, 3306, 3309, 3389, 4333, 5900] as const;

export const ec2SecurityGroupRestrictedCommonPorts = defineRule({
  id: 'ec2-security-group-restricted-common-ports',
  title: 'Security groups do not open common service ports to the internet or allow all traffic',
  severity: 'high',
  rationale:
    'FTP, Telnet, SMB, VNC, MySQL and similar services exposed to 0.0.0.0/0 are routinely scanned and exploited; an ' +
    'all-protocols ingress rule from any source defeats least-privilege network segmentation around ePHI.',
  remediation: {
    cloudformation:
      'Narrow each SecurityGroupIngress to the needed tcp port range and a source security group ' +
      '(SourceSecurityGroupId) instead of 0.0.0.0/0; replace IpProtocol: -1 with explicit protocols and ports.',
    terraform:
      'In aws_security_group ingress / aws_vpc_security_group_ingress_rule use specific from_port/to_port and ' +
      'referenced_security_group_id instead of cidr_blocks ["0.0.0.0/0"]; avoid protocol = "-1".',
    console: 'EC2 → Security Groups → Inbound rules → Edit → restrict the port range and source.',
  },
  controls: ['network-segmentation', 'public-exposure', 'least-privilege'],
  kinds: ['SecurityGroup'],
  equivalents: {
    cdkNag: ['HIPAA.Security-EC2RestrictedCommonPorts'],
    awsConfig: ['restricted-common-ports', 'vpc-sg-open-only-to-authorized-ports'],
  },
  check(group) {
    const { hits, unknowns } = worldOpenings(group.facts.ingress, COMMON_PORTS);
    // As cdk-nag: an all-protocols ingress rule is non-compliant whatever its source.
    const allTraffic = group.facts.ingress
      .filter((rule) => rule.protocol === '-1')
      .map((rule) => `${rule.origin}: all traffic from ${describePeer(rule)}`);
    const problems = [...new Set([...hits, ...allTraffic])];
    if (problems.length > 0) return fail(`unrestricted ingress: ${problems.join('; ')}`);
    const unclear = [
      ...unknowns,
      ...group.facts.ingress.filter((r) => isUnknown(r.protocol)).map((r) => r.origin),
    ];
    if (unclear.length > 0)
      return cannotVerify(`ingress protocol, ports or source unknown: ${unclear.join('; ')}`);
    return pass;
  },
});
