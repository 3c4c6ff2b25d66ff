import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const ecsTaskDefinitionNoPrivileged = defineRule({
  id: 'ecs-task-definition-no-privileged',
  title: 'ECS containers are not privileged',
  severity: 'high',
  rationale:
    'A privileged container has root capabilities on the host; one compromised container then reaches every task and its ePHI on the instance.',
  remediation: {
    cloudformation:
      'Remove Privileged: true from the container definitions (add only the Linux capabilities needed).',
    terraform: 'Remove "privileged": true from container_definitions.',
    console: 'ECS → Task definitions → new revision → container → Security → clear Privileged.',
  },
  controls: ['least-privilege'],
  kinds: ['TaskDefinition'],
  equivalents: { awsConfig: ['ecs-containers-nonprivileged'] },
  check(task) {
    const containers = task.facts.containers;
    if (isUnknown(containers)) return cannotVerify(`container definitions are ${containers.$unknown}`);
    const bad = containers
      .filter((c) => c.privileged === true)
      .map((c) => (isUnknown(c.name) ? '?' : c.name));
    if (bad.length > 0) return fail(`privileged container(s): ${bad.join(', ')}`);
    if (containers.some((c) => isUnknown(c.privileged)))
      return cannotVerify('Privileged of a container is unknown');
    return pass;
  },
});
