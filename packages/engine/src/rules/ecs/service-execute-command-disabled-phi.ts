import { defineRule, skip } from '../rule.js';
import { executeCommandRemediation, judgeExecuteCommand } from './service-execute-command-disabled.js';

export const ecsServiceExecuteCommandDisabledPhi = defineRule({
  id: 'ecs-service-execute-command-disabled-phi',
  title: 'ECS services inside the PHI boundary do not enable ECS Exec',
  severity: 'high',
  rationale:
    'A shell into a container that processes ePHI reads that ePHI outside every application control and audit log.',
  remediation: executeCommandRemediation,
  controls: ['access-control', 'least-privilege', 'audit-logging'],
  kinds: ['EcsService'],
  check(service, { boundary }) {
    if (!boundary.has(service.id)) return skip;
    return judgeExecuteCommand(service.facts.executeCommand);
  },
});
