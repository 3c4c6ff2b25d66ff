import type { LoadBalancerFacts } from '../../model/kinds/elb.js';
import { isKind } from '../../model/resource.js';
import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, type RuleContext } from '../rule.js';
import { describePeer, describePorts, fromWorld, opensTcpPort } from './ingress.js';

/** Every port-80 listener of the load balancers redirects to HTTPS (true), does not (false), or unknown. */
function port80Redirects(loadBalancers: readonly string[], context: RuleContext): boolean | 'unknown' {
  let unclear = false;
  for (const id of loadBalancers) {
    const lb = context.model.get(id);
    if (!lb || !isKind(lb, 'LoadBalancer')) return 'unknown';
    const listeners: LoadBalancerFacts['listeners'] = lb.facts.listeners;
    if (isUnknown(listeners)) return 'unknown';
    for (const listener of listeners) {
      if (listener.port !== 80) {
        if (isUnknown(listener.port)) unclear = true;
        continue;
      }
      if (listener.protocol !== 'HTTP') return false;
      if (isUnknown(listener.defaultActions)) return 'unknown';
      const redirects = listener.defaultActions.some(
        (a) => a.type === 'redirect' && a.redirectProtocol === 'HTTPS',
      );
      if (!redirects) return false;
    }
  }
  return unclear ? 'unknown' : true;
}

export const ec2SecurityGroupPublicIngressOnlyLbHttps = defineRule({
  id: 'ec2-security-group-public-ingress-only-lb-https',
  title: 'Only a load balancer security group accepts internet traffic, and only on 443',
  severity: 'high',
  rationale:
    'R-INF-1: nothing but the load balancer faces the internet, and only on HTTPS (port 80 at most as a redirect to ' +
    'HTTPS); compute and data tiers accept traffic from security groups, so ePHI hosts are never directly reachable.',
  remediation: {
    cloudformation:
      'Remove 0.0.0.0/0 and ::/0 ingress from every group except the one in the load balancer SecurityGroups; on that ' +
      'group allow tcp 443 (and tcp 80 only when every port-80 listener redirects to HTTPS).',
    terraform:
      'Keep cidr_blocks ["0.0.0.0/0"] only on the aws_lb security group, port 443 (80 only with a redirect listener); ' +
      'other groups use referenced_security_group_id.',
    console:
      'EC2 → Security Groups → Inbound rules → remove "Anywhere" sources except HTTPS on the load balancer group.',
  },
  controls: ['public-exposure', 'network-segmentation', 'boundary-protection'],
  kinds: ['SecurityGroup'],
  equivalents: { awsConfig: ['vpc-sg-open-only-to-authorized-ports'] },
  check(group, context) {
    const isLbGroup = group.facts.loadBalancers.length > 0;
    const problems: string[] = [];
    const unknowns: string[] = [];
    let redirects: boolean | 'unknown' | undefined;
    for (const rule of group.facts.ingress) {
      const world = fromWorld(rule);
      if (world === false) continue;
      const where = `${rule.origin}: ${describePeer(rule)} → ${describePorts(rule)}`;
      if (isUnknown(world)) {
        unknowns.push(`${where} (source ${world.$unknown})`);
        continue;
      }
      if (!isLbGroup) {
        problems.push(`${where} on a group that is not a load balancer's`);
        continue;
      }
      if (isUnknown(rule.protocol) || isUnknown(rule.fromPort) || isUnknown(rule.toPort)) {
        unknowns.push(`${where} (ports unknown)`);
        continue;
      }
      const single = rule.protocol === 'tcp' && rule.fromPort === rule.toPort ? rule.fromPort : undefined;
      if (single === 443) continue;
      if (single === 80) {
        redirects ??= port80Redirects(group.facts.loadBalancers, context);
        if (redirects === true) continue;
        if (redirects === 'unknown')
          unknowns.push(`${where} (whether port 80 redirects to HTTPS is unknown)`);
        else problems.push(`${where}: port 80 is open but a port-80 listener does not redirect to HTTPS`);
        continue;
      }
      if (opensTcpPort(rule, 443) === true && rule.protocol !== 'udp')
        problems.push(`${where}: wider than port 443 on a load balancer group`);
      else problems.push(`${where}: only 443 may be open to the internet`);
    }
    if (problems.length > 0)
      return fail(`internet ingress beyond the load balancer's 443: ${problems.join('; ')}`);
    if (unknowns.length > 0) return cannotVerify(unknowns.join('; '));
    return pass;
  },
});
