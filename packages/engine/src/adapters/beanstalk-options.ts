import type { BeanstalkEnvironmentFacts } from '../model/kinds/elasticbeanstalk.js';
import type { EnvironmentVariable } from '../model/kinds/lambda.js';
import { isRef, isUnknown, type Unknown, unknown, type Val } from '../model/values.js';
import { at, bool, list, str } from './read.js';

/** Keys of an option setting: CloudFormation `{Namespace, OptionName, Value}`, Terraform `{namespace, name, value}`. */
export interface OptionKeys {
  readonly namespace: string;
  readonly name: string;
  readonly value: string;
}

export const CFN_OPTION_KEYS: OptionKeys = { namespace: 'Namespace', name: 'OptionName', value: 'Value' };
export const TF_OPTION_KEYS: OptionKeys = { namespace: 'namespace', name: 'name', value: 'value' };

const APPLICATION_ENVIRONMENT = 'aws:elasticbeanstalk:application:environment';

/**
 * Facts of an Elastic Beanstalk environment from its own option settings over those of its configuration template.
 * `template`: the template's settings when it is in the input, `undefined` when the environment names none, or an
 * `Unknown` when it names one this input does not hold (then every option the environment leaves out is unknown).
 */
export function beanstalkFacts(own: unknown, template: unknown, keys: OptionKeys): BeanstalkEnvironmentFacts {
  const mine = list(own);
  if (isUnknown(mine))
    return { healthReporting: mine, managedActions: mine, updateLevel: mine, environment: mine };
  const theirs = template === undefined ? [] : isUnknown(template) ? template : list(template);
  const external = isUnknown(theirs) ? theirs : undefined;
  const options = [...(isUnknown(theirs) ? [] : theirs), ...mine];
  /** The last setting of an option (the environment's overrides the template's); unknown if left to an unseen template. */
  const option = (namespace: string, name: string): unknown => {
    const found = options
      .filter((o) => at(o, keys.namespace) === namespace && at(o, keys.name) === name)
      .pop();
    return found ?? external;
  };
  const settingValue = (setting: unknown) => (isUnknown(setting) ? setting : at(setting, keys.value));
  const managed = option('aws:elasticbeanstalk:managedactions', 'ManagedActionsEnabled');
  const level = option('aws:elasticbeanstalk:managedactions:platformupdate', 'UpdateLevel');
  const environment: EnvironmentVariable[] = [];
  for (const setting of options) {
    if (at(setting, keys.namespace) !== APPLICATION_ENVIRONMENT) continue;
    const name = at(setting, keys.name);
    if (typeof name !== 'string') continue;
    const raw = at(setting, keys.value);
    const index = environment.findIndex((variable) => variable.name === name);
    const variable = { name, value: isRef(raw) ? raw : str(raw, '') };
    if (index >= 0) environment[index] = variable;
    else environment.push(variable);
  }
  return {
    healthReporting: str(
      settingValue(option('aws:elasticbeanstalk:healthreporting:system', 'SystemType')),
      'basic',
    ),
    managedActions: managed === undefined ? false : bool(settingValue(managed), true),
    updateLevel: level === undefined ? undefined : str(settingValue(level), ''),
    // Variables the environment leaves to an unseen template cannot be listed, but its own can still be judged.
    environment: environment.length === 0 && external ? external : environment,
  };
}

/** The reason an environment's configuration template cannot be read. */
export function externalTemplate(name: Val<unknown>): Unknown {
  return unknown(
    `set by configuration template ${isUnknown(name) ? `(${name.$unknown})` : JSON.stringify(name)}, which is not in this input`,
  );
}
