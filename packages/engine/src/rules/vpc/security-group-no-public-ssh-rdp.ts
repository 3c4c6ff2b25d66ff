import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import { worldOpenings } from './ingress.js';

export const ec2SecurityGroupNoPublicSshRdp = defineRule({
  id: 'ec2-security-group-no-public-ssh-rdp',
  title: 'Security groups do not allow SSH (22) or RDP (3389) from the internet',
  severity: 'critical',
  rationale:
    'An administrative port open to 0.0.0.0/0 or ::/0 invites credential brute-forcing and exploit scanning of hosts ' +
    'that may process ePHI; administrative access belongs to Session Manager (R-INF-10: no bastion).',
  remediation: {
    cloudformation:
      'Remove the SecurityGroupIngress entries (or AWS::EC2::SecurityGroupIngress resources) that allow port 22/3389 ' +
      'from 0.0.0.0/0 or ::/0; use AWS Systems Manager Session Manager instead.',
    terraform:
      'Remove ingress blocks / aws_vpc_security_group_ingress_rule resources with from_port..to_port covering 22 or ' +
      '3389 and cidr_blocks ["0.0.0.0/0"] or ipv6_cidr_blocks ["::/0"].',
    console:
      'EC2 → Security Groups → the group → Inbound rules → Edit → delete the SSH/RDP rules with source Anywhere.',
  },
  controls: ['network-segmentation', 'public-exposure', 'boundary-protection'],
  kinds: ['SecurityGroup'],
  equivalents: {
    cdkNag: ['HIPAA.Security-EC2RestrictedSSH'],
    awsConfig: ['restricted-ssh', 'vpc-sg-open-only-to-authorized-ports'],
  },
  check(group) {
    const { hits, unknowns } = worldOpenings(group.facts.ingress, [22, 3389]);
    if (hits.length > 0) return fail(`SSH/RDP open to the internet: ${hits.join('; ')}`);
    if (unknowns.length > 0)
      return cannotVerify(`ingress may open SSH/RDP to the internet: ${unknowns.join('; ')}`);
    return pass;
  },
});
