import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const ecsTaskDefinitionReadonlyRootFilesystem = defineRule({
  id: 'ecs-task-definition-readonly-root-filesystem',
  title: 'ECS containers have a read-only root filesystem',
  severity: 'low',
  rationale:
    'A read-only root filesystem stops an attacker from planting tools or modifying binaries in a container that handles ePHI.',
  remediation: {
    cloudformation:
      'Set ReadonlyRootFilesystem: true on each container (mount volumes for paths that must be written).',
    terraform: 'Set "readonlyRootFilesystem": true in container_definitions.',
    console: 'ECS → Task definitions → new revision → container → Storage → Read only root file system.',
  },
  controls: ['configuration-management', 'data-integrity'],
  kinds: ['TaskDefinition'],
  equivalents: { awsConfig: ['ecs-containers-readonly-access'] },
  check(task) {
    const containers = task.facts.containers;
    if (isUnknown(containers)) return cannotVerify(`container definitions are ${containers.$unknown}`);
    const bad = containers
      .filter((c) => c.readonlyRootFilesystem === false)
      .map((c) => (isUnknown(c.name) ? '?' : c.name));
    if (bad.length > 0) return fail(`writable root filesystem: ${bad.join(', ')}`);
    if (containers.some((c) => isUnknown(c.readonlyRootFilesystem)))
      return cannotVerify('ReadonlyRootFilesystem unknown');
    return pass;
  },
});
