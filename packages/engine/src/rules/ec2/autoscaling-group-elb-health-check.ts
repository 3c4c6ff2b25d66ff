import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const autoscalingGroupElbHealthCheck = defineRule({
  id: 'autoscaling-group-elb-health-check',
  title: 'Load-balanced Auto Scaling groups use ELB health checks',
  severity: 'low',
  rationale:
    'With EC2 health checks an instance whose application is broken stays in service; ELB health checks replace it, keeping ePHI services available.',
  remediation: {
    cloudformation:
      'Set HealthCheckType: ELB (and a HealthCheckGracePeriod) on the AWS::AutoScaling::AutoScalingGroup.',
    terraform: 'Set health_check_type = "ELB" on aws_autoscaling_group.',
    console:
      'EC2 → Auto Scaling groups → the group → Details → Health checks → Edit → turn on Elastic Load Balancing health checks.',
  },
  controls: ['high-availability'],
  kinds: ['AutoScalingGroup'],
  equivalents: {
    cdkNag: ['HIPAA.Security-AutoScalingGroupELBHealthCheckRequired'],
    awsConfig: ['autoscaling-group-elb-healthcheck-required'],
  },
  check(group) {
    const { loadBalanced, healthCheckType } = group.facts;
    if (isUnknown(loadBalanced))
      return cannotVerify(`load balancer attachments are ${loadBalanced.$unknown}`);
    if (!loadBalanced) return skip;
    if (isUnknown(healthCheckType)) return cannotVerify(`HealthCheckType is ${healthCheckType.$unknown}`);
    return healthCheckType === 'ELB'
      ? pass
      : fail(`HealthCheckType is ${healthCheckType} on a load-balanced group`);
  },
});
