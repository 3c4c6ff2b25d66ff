import type { ContainerFacts, TaskDefinitionFacts } from '../../../model/kinds/ecs.js';
import { isUnknown, unknown, type Val } from '../../../model/values.js';
import { environmentFromList, LOWER_CASE_ENTRY } from '../../environment.js';
import { at, bool, list, refOrString, str } from '../../read.js';
import { type TfMapperTable, tfMapping } from '../mapper.js';
import { declared, declaredBlock } from './vpc.js';

/**
 * `container_definitions` is JSON text (`jsonencode([...])`, a `file()`) in camelCase as the ECS API writes it;
 * the HCL scanner keeps a `jsonencode` document that holds references as a structure.
 */
function containerDefinitions(value: unknown): Val<readonly unknown[]> {
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? parsed : unknown('container_definitions is not a JSON array');
    } catch {
      return unknown('container_definitions is not valid JSON');
    }
  }
  return list(value);
}

function containerOf(container: unknown): ContainerFacts {
  const plain = environmentFromList(at(container, 'environment'), LOWER_CASE_ENTRY);
  const secrets = list(at(container, 'secrets'));
  return {
    name: str(at(container, 'name'), ''),
    user: str(at(container, 'user'), undefined),
    privileged: bool(at(container, 'privileged'), false),
    readonlyRootFilesystem: bool(at(container, 'readonlyRootFilesystem'), false),
    // `secrets` are resolved by ECS from Secrets Manager / SSM at start: references, not plaintext.
    environment: isUnknown(plain)
      ? plain
      : [
          ...plain,
          ...(isUnknown(secrets) ? [] : secrets).map((secret) => ({
            name: String(at(secret, 'name')),
            value: refOrString(at(secret, 'valueFrom')) ?? unknown('secret without valueFrom'),
            fromSecretStore: true,
          })),
        ],
  };
}

const taskDefinition = tfMapping('TaskDefinition', (view): TaskDefinitionFacts => {
  const v = view.values;
  const requires = list(declared(v.requires_compatibilities));
  const fargate = !isUnknown(requires) && requires.includes('FARGATE');
  const containers = containerDefinitions(v.container_definitions);
  return {
    // Fargate only supports awsvpc; on EC2 the AWS default network mode is bridge.
    networkMode: str(declared(v.network_mode), fargate ? 'awsvpc' : 'bridge'),
    containers: isUnknown(containers) ? containers : containers.map(containerOf),
    taskRole: refOrString(declared(v.task_role_arn)),
    executionRole: refOrString(declared(v.execution_role_arn)),
  };
});

const service = tfMapping('EcsService', (view) => {
  const v = view.values;
  const assign = bool(declared(at(declaredBlock(v.network_configuration), 'assign_public_ip')), false);
  return {
    cluster: refOrString(declared(v.cluster)),
    taskDefinition: refOrString(declared(v.task_definition)),
    launchType: str(declared(v.launch_type), undefined),
    executeCommand: bool(declared(v.enable_execute_command), false),
    assignPublicIp: isUnknown(assign) ? assign : assign ? 'ENABLED' : 'DISABLED',
  };
});

const cluster = tfMapping('EcsCluster', (view) => {
  const settings = list(declared(view.values.setting));
  if (isUnknown(settings)) return { containerInsights: settings };
  const insights = settings.find((setting) => at(setting, 'name') === 'containerInsights');
  return { containerInsights: insights === undefined ? 'disabled' : str(at(insights, 'value'), 'disabled') };
});

export const ecsTfMappers: TfMapperTable = {
  aws_ecs_task_definition: taskDefinition,
  aws_ecs_service: service,
  aws_ecs_cluster: cluster,
};
