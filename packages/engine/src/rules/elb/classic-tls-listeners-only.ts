import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const elbClassicTlsListenersOnly = defineRule({
  id: 'elb-classic-tls-listeners-only',
  title: 'Classic load balancers listen only on HTTPS/SSL and keep TLS to the instances',
  severity: 'high',
  rationale:
    'A classic ELB cannot redirect HTTP to HTTPS, so any HTTP or TCP listener carries ePHI in cleartext; an HTTPS ' +
    'front end that speaks HTTP to the instances drops encryption inside the VPC (R-INF-5).',
  remediation: {
    cloudformation:
      'Declare only Listeners with Protocol HTTPS (InstanceProtocol HTTPS) or SSL (InstanceProtocol SSL); better, ' +
      'migrate to an Application Load Balancer.',
    terraform: 'In aws_elb listener blocks use lb_protocol = "https"/"ssl" with instance_protocol to match.',
    console: 'EC2 → Load balancers → the classic ELB → Listeners → Edit → remove HTTP/TCP listeners.',
  },
  controls: ['encryption-in-transit'],
  kinds: ['LoadBalancer'],
  equivalents: {
    cdkNag: ['HIPAA.Security-ELBTlsHttpsListenersOnly'],
    awsConfig: ['elb-tls-https-listeners-only'],
  },
  check(lb) {
    if (lb.facts.variant !== 'classic') return skip;
    const listeners = lb.facts.listeners;
    if (isUnknown(listeners)) return cannotVerify(`listeners are ${listeners.$unknown}`);
    const bad: string[] = [];
    for (const listener of listeners) {
      const { protocol, instanceProtocol } = listener;
      if (isUnknown(protocol) || isUnknown(instanceProtocol))
        return cannotVerify(`${listener.name}: protocol unknown`);
      if (protocol !== 'HTTPS' && protocol !== 'SSL') bad.push(`${listener.name} uses ${protocol}`);
      else if (instanceProtocol !== undefined && instanceProtocol !== protocol)
        bad.push(`${listener.name} terminates ${protocol} but speaks ${instanceProtocol} to the instances`);
    }
    return bad.length > 0 ? fail(bad.join('; ')) : pass;
  },
});
