import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const elbHttpListenerRedirectsToHttps = defineRule({
  id: 'elb-http-listener-redirects-to-https',
  title: 'Plain HTTP listeners only redirect to HTTPS',
  severity: 'high',
  rationale:
    'An HTTP listener that forwards requests carries credentials and ePHI in cleartext; R-INF-5 allows a plain ' +
    'listener only as a redirect to HTTPS.',
  remediation: {
    cloudformation:
      'Give the HTTP listener DefaultActions: [{ Type: redirect, RedirectConfig: { Protocol: HTTPS, Port: "443", ' +
      'StatusCode: HTTP_301 } }], or remove it.',
    terraform:
      'In aws_lb_listener (protocol = "HTTP") use default_action { type = "redirect" redirect { protocol = "HTTPS" ' +
      'port = "443" status_code = "HTTP_301" } }.',
    console: 'EC2 → Load balancers → the ALB → Listeners → HTTP:80 → Edit → Redirect to HTTPS:443.',
  },
  controls: ['encryption-in-transit'],
  kinds: ['LoadBalancer'],
  equivalents: {
    cdkNag: ['HIPAA.Security-ALBHttpToHttpsRedirection'],
    awsConfig: ['alb-http-to-https-redirection-check'],
  },
  check(lb) {
    if (lb.facts.variant !== 'application') return skip;
    const listeners = lb.facts.listeners;
    if (isUnknown(listeners)) return cannotVerify(`listeners are ${listeners.$unknown}`);
    const bad: string[] = [];
    const unclear: string[] = [];
    for (const listener of listeners) {
      if (isUnknown(listener.protocol)) {
        unclear.push(`${listener.name} (protocol unknown)`);
        continue;
      }
      if (listener.protocol !== 'HTTP') continue;
      const actions = listener.defaultActions;
      if (isUnknown(actions)) {
        unclear.push(`${listener.name} (default actions unknown)`);
        continue;
      }
      const redirect = actions.some((a) => a.type === 'redirect' && a.redirectProtocol === 'HTTPS');
      if (!redirect) {
        const types = actions.map((a) => (isUnknown(a.type) ? '?' : a.type)).join(', ') || 'none';
        bad.push(
          `${listener.name} (port ${isUnknown(listener.port) ? '?' : String(listener.port)}, action ${types})`,
        );
      }
    }
    if (bad.length > 0)
      return fail(`HTTP listener(s) serving plain HTTP instead of redirecting to HTTPS: ${bad.join(', ')}`);
    if (unclear.length > 0) return cannotVerify(unclear.join(', '));
    return pass;
  },
});
