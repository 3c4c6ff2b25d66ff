import type { ResourceRef, Val } from '../values.js';
import type { EnvironmentVariable } from './lambda.js';

export interface ContainerFacts {
  readonly name: Val<string>;
  /** `User` (`undefined`: the image default, usually root). */
  readonly user: Val<string> | undefined;
  readonly privileged: Val<boolean>;
  readonly readonlyRootFilesystem: Val<boolean>;
  /** Plain `Environment` entries; `Secrets` entries are listed with `fromSecretStore`. */
  readonly environment: Val<readonly EnvironmentVariable[]>;
}

export interface TaskDefinitionFacts {
  /** `awsvpc`, `bridge` (EC2 default), `host`, `none`. */
  readonly networkMode: Val<string>;
  readonly containers: Val<readonly ContainerFacts[]>;
  readonly taskRole: Val<ResourceRef | string> | undefined;
  readonly executionRole: Val<ResourceRef | string> | undefined;
}

export interface EcsServiceFacts {
  readonly cluster: Val<ResourceRef | string> | undefined;
  readonly taskDefinition: Val<ResourceRef | string> | undefined;
  readonly launchType: Val<string> | undefined;
  /** `EnableExecuteCommand` (default false). */
  readonly executeCommand: Val<boolean>;
  /** awsvpc `AssignPublicIp` (default `DISABLED`). */
  readonly assignPublicIp: Val<string>;
}

export interface EcsClusterFacts {
  /** `containerInsights` setting: `enabled`, `enhanced`, `disabled` (default). */
  readonly containerInsights: Val<string>;
}

declare module '../resource.js' {
  interface KindFacts {
    TaskDefinition: TaskDefinitionFacts;
    EcsService: EcsServiceFacts;
    EcsCluster: EcsClusterFacts;
  }
}
