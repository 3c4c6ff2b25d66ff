import type { ContainerFacts } from '../../../model/kinds/ecs.js';
import { isUnknown, unknown } from '../../../model/values.js';
import { environmentFromList, PASCAL_CASE_ENTRY, withDeployTimeSecrets } from '../../environment.js';
import { at, bool, list, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

const taskDefinition = cfnMapping('TaskDefinition', (view) => {
  const p = view.properties;
  const requires = list(p.RequiresCompatibilities);
  const fargate = !isUnknown(requires) && requires.includes('FARGATE');
  const containers = list(p.ContainerDefinitions);
  return {
    // Fargate only supports awsvpc; on EC2 the default network mode is bridge.
    networkMode: str(p.NetworkMode, fargate ? 'awsvpc' : 'bridge'),
    containers: isUnknown(containers)
      ? containers
      : containers.map((container): ContainerFacts => {
          const plain = withDeployTimeSecrets(
            environmentFromList(at(container, 'Environment'), PASCAL_CASE_ENTRY),
          );
          const secrets = list(at(container, 'Secrets'));
          return {
            name: str(at(container, 'Name'), ''),
            user: str(at(container, 'User'), undefined),
            privileged: bool(at(container, 'Privileged'), false),
            readonlyRootFilesystem: bool(at(container, 'ReadonlyRootFilesystem'), false),
            environment: isUnknown(plain)
              ? plain
              : [
                  ...plain,
                  ...(isUnknown(secrets) ? [] : secrets).map((secret) => ({
                    name: String(at(secret, 'Name')),
                    value: refOrString(at(secret, 'ValueFrom')) ?? unknown('secret without ValueFrom'),
                    fromSecretStore: true,
                  })),
                ],
          };
        }),
    taskRole: refOrString(p.TaskRoleArn),
    executionRole: refOrString(p.ExecutionRoleArn),
  };
});

const service = cfnMapping('EcsService', (view) => {
  const p = view.properties;
  return {
    cluster: refOrString(p.Cluster),
    taskDefinition: refOrString(p.TaskDefinition),
    launchType: str(p.LaunchType, undefined),
    executeCommand: bool(p.EnableExecuteCommand, false),
    assignPublicIp: str(at(p, 'NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp'), 'DISABLED'),
  };
});

const cluster = cfnMapping('EcsCluster', (view) => {
  const settings = list(view.properties.ClusterSettings);
  if (isUnknown(settings)) return { containerInsights: settings };
  const insights = settings.find((setting) => at(setting, 'Name') === 'containerInsights');
  return { containerInsights: insights === undefined ? 'disabled' : str(at(insights, 'Value'), 'disabled') };
});

export const ecsCfnMappers: CfnMapperTable = {
  'AWS::ECS::TaskDefinition': taskDefinition,
  'AWS::ECS::Service': service,
  'AWS::ECS::Cluster': cluster,
};
