import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import { defaultTlsPolicy, minimumTlsOf } from './tls-policies.js';

export const elbListenerTlsPolicy = defineRule({
  id: 'elb-listener-tls-policy',
  title: 'HTTPS/TLS listeners require TLS 1.2 or later',
  severity: 'high',
  rationale:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996) and weaken the encryption in transit of ePHI; R-INF-5 requires a ' +
    'TLS 1.3 policy with a TLS 1.2 minimum. A listener without SslPolicy gets ELBSecurityPolicy-2016-08, which allows TLS 1.0.',
  remediation: {
    cloudformation:
      'Set SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06 (or ...-TLS13-1-3-2021-06) on HTTPS/TLS listeners; classic ELB: a Reference-Security-Policy of ELBSecurityPolicy-TLS-1-2-2017-01.',
    terraform: 'Set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" on aws_lb_listener.',
    console:
      'EC2 → Load balancers → Listeners → the HTTPS listener → Edit → Security policy: ELBSecurityPolicy-TLS13-1-2-2021-06.',
  },
  controls: ['encryption-in-transit'],
  kinds: ['LoadBalancer'],
  equivalents: { awsConfig: ['elb-predefined-security-policy-ssl-check'] },
  check(lb) {
    const listeners = lb.facts.listeners;
    if (isUnknown(listeners)) return cannotVerify(`listeners are ${listeners.$unknown}`);
    const bad: string[] = [];
    const unclear: string[] = [];
    for (const listener of listeners) {
      if (!['HTTPS', 'TLS', 'SSL'].includes(listener.protocol as string)) continue;
      const declared = listener.sslPolicy;
      if (isUnknown(declared)) {
        unclear.push(`${listener.name}: policy ${declared.$unknown}`);
        continue;
      }
      const policy = declared ?? defaultTlsPolicy();
      const minimum = minimumTlsOf(policy);
      const label = declared === undefined ? `${policy} (the default when SslPolicy is absent)` : policy;
      if (minimum === undefined)
        unclear.push(`${listener.name}: policy ${policy} is not a known predefined policy`);
      else if (minimum < '1.2') bad.push(`${listener.name} uses ${label}, which allows TLS ${minimum}`);
    }
    if (bad.length > 0) return fail(`${bad.join('; ')}; TLS 1.2 is the minimum (R-INF-5)`);
    if (unclear.length > 0) return cannotVerify(unclear.join('; '));
    return pass;
  },
});
