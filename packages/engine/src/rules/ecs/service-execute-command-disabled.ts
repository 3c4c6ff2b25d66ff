import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const executeCommandRemediation = {
  cloudformation: 'Set EnableExecuteCommand: false (or remove it) on AWS::ECS::Service in production.',
  terraform: 'Set enable_execute_command = false on aws_ecs_service.',
  console:
    'ECS → the service → Update → clear "Enable ECS Exec" (via the CLI: aws ecs update-service --disable-execute-command).',
};

export function judgeExecuteCommand(executeCommand: boolean | { $unknown: string }) {
  if (isUnknown(executeCommand)) return cannotVerify(`EnableExecuteCommand is ${executeCommand.$unknown}`);
  return executeCommand
    ? fail('EnableExecuteCommand is true: interactive shells into running tasks are possible')
    : pass;
}

export const ecsServiceExecuteCommandDisabled = defineRule({
  id: 'ecs-service-execute-command-disabled',
  title: 'ECS services do not enable ECS Exec',
  severity: 'medium',
  rationale:
    'ECS Exec opens interactive shells into running containers, bypassing the deployment pipeline; R-INF-9 keeps it off in production.',
  remediation: executeCommandRemediation,
  controls: ['access-control', 'least-privilege'],
  kinds: ['EcsService'],
  check(service, { boundary }) {
    if (boundary.has(service.id)) return skip; // judged at high severity by the PHI variant
    return judgeExecuteCommand(service.facts.executeCommand);
  },
});
