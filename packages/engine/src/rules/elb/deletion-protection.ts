import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const elbDeletionProtection = defineRule({
  id: 'elb-deletion-protection',
  title: 'Load balancers (ALB/NLB/GWLB) have deletion protection',
  severity: 'medium',
  rationale:
    'Deleting the load balancer in front of an ePHI application is an availability incident; deletion protection makes it a deliberate two-step act.',
  remediation: {
    cloudformation: 'Add LoadBalancerAttributes: [{ Key: deletion_protection.enabled, Value: "true" }].',
    terraform: 'Set enable_deletion_protection = true on aws_lb.',
    console: 'EC2 → Load balancers → the load balancer → Attributes → Edit → Deletion protection: on.',
  },
  controls: ['high-availability', 'data-integrity'],
  kinds: ['LoadBalancer'],
  equivalents: {
    cdkNag: ['HIPAA.Security-ELBDeletionProtectionEnabled'],
    awsConfig: ['elb-deletion-protection-enabled'],
  },
  check(lb) {
    if (lb.facts.variant === 'classic') return skip;
    const enabled = lb.facts.deletionProtection;
    if (isUnknown(enabled)) return cannotVerify(`deletion_protection.enabled is ${enabled.$unknown}`);
    return enabled ? pass : fail('deletion_protection.enabled is not "true" (default false)');
  },
});
