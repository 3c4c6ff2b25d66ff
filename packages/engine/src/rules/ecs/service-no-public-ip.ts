import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const ecsServiceNoPublicIp = defineRule({
  id: 'ecs-service-no-public-ip',
  title: 'ECS services do not assign public IP addresses to tasks',
  severity: 'high',
  rationale:
    'Tasks with public addresses sit on the internet; R-INF-9 runs Fargate tasks in private subnets behind the load balancer.',
  remediation: {
    cloudformation:
      'Set NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp: DISABLED with private Subnets.',
    terraform:
      'Set network_configuration { assign_public_ip = false, subnets = private } on aws_ecs_service.',
    console: 'ECS → the service → Update → Networking → Public IP: off, private subnets.',
  },
  controls: ['public-exposure', 'network-segmentation'],
  kinds: ['EcsService'],
  check(service) {
    const assign = service.facts.assignPublicIp;
    if (isUnknown(assign)) return cannotVerify(`AssignPublicIp is ${assign.$unknown}`);
    return assign === 'ENABLED' ? fail('AssignPublicIp is ENABLED: tasks get public addresses') : pass;
  },
});
