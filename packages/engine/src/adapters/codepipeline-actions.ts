import type { PipelineAction } from '../model/kinds/codepipeline.js';
import type { EnvironmentVariable } from '../model/kinds/lambda.js';
import { isRef, isUnknown, unknown, type Val } from '../model/values.js';
import {
  environmentFromList,
  environmentFromMap,
  LOWER_CASE_ENTRY,
  withDeployTimeSecrets,
} from './environment.js';
import { at, list, str } from './read.js';

/** Property names of stages and actions as one input writes them. */
export interface PipelineKeys {
  readonly stages: string;
  readonly stageName: string;
  readonly actions: string;
  readonly actionName: string;
  /** Dotted path of the provider inside an action. */
  readonly provider: string;
  readonly configuration: string;
  /** CloudFormation resolves `{{resolve:…}}` dynamic references into property text (`deployTimeSecret`). */
  readonly dynamicReferences: boolean;
}

export const CFN_PIPELINE: PipelineKeys = {
  stages: 'Stages',
  stageName: 'Name',
  actions: 'Actions',
  actionName: 'Name',
  provider: 'ActionTypeId.Provider',
  configuration: 'Configuration',
  dynamicReferences: true,
};

export const TERRAFORM_PIPELINE: PipelineKeys = {
  stages: 'stage',
  stageName: 'name',
  actions: 'action',
  actionName: 'name',
  provider: 'provider',
  configuration: 'configuration',
  dynamicReferences: false,
};

/** Every action of every stage, with its configuration as name/value entries. */
export function pipelineActions(properties: unknown, keys: PipelineKeys): Val<readonly PipelineAction[]> {
  const stages = list(at(properties, keys.stages));
  if (isUnknown(stages)) return stages;
  const out: PipelineAction[] = [];
  for (const stage of stages) {
    const stageName = label(at(stage, keys.stageName));
    const actions = list(at(stage, keys.actions));
    if (isUnknown(actions)) return actions;
    for (const action of actions) {
      const configuration = at(action, keys.configuration);
      const environment = codebuildEnvironment(at(configuration, 'EnvironmentVariables'));
      out.push({
        stage: stageName,
        name: label(at(action, keys.actionName)),
        provider: str(at(action, keys.provider), ''),
        configuration: environmentFromMap(configuration),
        environment:
          keys.dynamicReferences && environment !== undefined
            ? withDeployTimeSecrets(environment)
            : environment,
      });
    }
  }
  return out;
}

function label(value: unknown): string {
  return typeof value === 'string' && value !== '' ? value : '(unnamed)';
}

/**
 * A CodeBuild action's `EnvironmentVariables`: a JSON string of `[{name, value, type}]` (`type` PLAINTEXT by
 * default). A value built from deploy-time parts stays unknown (its literal parts are not read as variables).
 */
function codebuildEnvironment(value: unknown): Val<readonly EnvironmentVariable[]> | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (isUnknown(value) || isRef(value))
    return unknown('EnvironmentVariables is built from deploy-time values');
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return unknown('EnvironmentVariables is not valid JSON');
    }
  }
  return environmentFromList(parsed, LOWER_CASE_ENTRY, (entry) => {
    const type = at(entry, 'type');
    return type === 'PARAMETER_STORE' || type === 'SECRETS_MANAGER';
  });
}
