import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const elbAlbDropInvalidHeaders = defineRule({
  id: 'elb-alb-drop-invalid-headers',
  title: 'Application load balancers drop invalid HTTP header fields',
  severity: 'medium',
  rationale:
    'Headers with invalid names enable request smuggling and desynchronisation between the load balancer and the ' +
    'application, a path to bypass authentication in front of ePHI.',
  remediation: {
    cloudformation:
      'Add LoadBalancerAttributes: [{ Key: routing.http.drop_invalid_header_fields.enabled, Value: "true" }].',
    terraform: 'Set drop_invalid_header_fields = true on aws_lb (load_balancer_type = "application").',
    console: 'EC2 → Load balancers → the ALB → Attributes → Edit → Drop invalid header fields: on.',
  },
  controls: ['web-application-protection', 'configuration-management'],
  kinds: ['LoadBalancer'],
  equivalents: {
    cdkNag: ['HIPAA.Security-ALBHttpDropInvalidHeaderEnabled'],
    awsConfig: ['alb-http-drop-invalid-header-enabled'],
  },
  check(lb) {
    if (isUnknown(lb.facts.variant))
      return cannotVerify(`load balancer type is ${lb.facts.variant.$unknown}`);
    if (lb.facts.variant !== 'application') return skip;
    const drop = lb.facts.dropInvalidHeaders;
    if (isUnknown(drop))
      return cannotVerify(`routing.http.drop_invalid_header_fields.enabled is ${drop.$unknown}`);
    return drop
      ? pass
      : fail('routing.http.drop_invalid_header_fields.enabled is not "true" (default false)');
  },
});
