import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const ecsTaskDefinitionUserForHostMode = defineRule({
  id: 'ecs-task-definition-user-for-host-mode',
  title: 'Host-network ECS tasks run containers as a non-root user',
  severity: 'high',
  rationale:
    'In host network mode a container shares the instance network stack; running it as root turns a container ' +
    'escape into full control of the host and every task (and ePHI) on it.',
  remediation: {
    cloudformation:
      'Set User: "1000:1000" (a non-root uid) on each container definition, or use NetworkMode: awsvpc.',
    terraform: 'Set "user": "1000:1000" in container_definitions, or network_mode = "awsvpc".',
    console: 'ECS → Task definitions → create a new revision → container → User: a non-root uid.',
  },
  controls: ['least-privilege', 'network-segmentation'],
  kinds: ['TaskDefinition'],
  equivalents: {
    cdkNag: ['HIPAA.Security-ECSTaskDefinitionUserForHostMode'],
    awsConfig: ['ecs-task-definition-user-for-host-mode-check'],
  },
  check(task) {
    // cdk-nag also demands Privileged: true here (a reading of the Config rule); we require a non-root user only
    // and judge privileged containers separately (ecs-task-definition-no-privileged).
    const mode = task.facts.networkMode;
    if (isUnknown(mode)) return cannotVerify(`network mode is ${mode.$unknown}`);
    if (mode !== 'host') return skip;
    const containers = task.facts.containers;
    if (isUnknown(containers)) return cannotVerify(`container definitions are ${containers.$unknown}`);
    const bad: string[] = [];
    for (const container of containers) {
      const name = isUnknown(container.name) ? '?' : container.name;
      const user = container.user;
      if (isUnknown(user)) return cannotVerify(`container ${name}: user ${user.$unknown}`);
      if (user === undefined) bad.push(`${name} (no User: the image default, usually root)`);
      else if (user.split(':').some((part) => ['root', '0'].includes(part.toLowerCase())))
        bad.push(`${name} (User ${user})`);
    }
    return bad.length > 0 ? fail(`host network mode with root containers: ${bad.join(', ')}`) : pass;
  },
});
