import { isUnknown } from '../../../model/values.js';
import { at, bool, list, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

const environment = cfnMapping('BeanstalkEnvironment', (view) => {
  const options = list(view.properties.OptionSettings);
  if (isUnknown(options)) return { healthReporting: options, managedActions: options, updateLevel: options };
  const option = (namespace: string, name: string) =>
    options.find((o) => at(o, 'Namespace') === namespace && at(o, 'OptionName') === name);
  const managed = option('aws:elasticbeanstalk:managedactions', 'ManagedActionsEnabled');
  const level = option('aws:elasticbeanstalk:managedactions:platformupdate', 'UpdateLevel');
  return {
    healthReporting: str(
      at(option('aws:elasticbeanstalk:healthreporting:system', 'SystemType'), 'Value'),
      'basic',
    ),
    managedActions: managed === undefined ? false : bool(at(managed, 'Value'), true),
    updateLevel: level === undefined ? undefined : str(at(level, 'Value'), ''),
  };
});

export const elasticbeanstalkCfnMappers: CfnMapperTable = {
  'AWS::ElasticBeanstalk::Environment': environment,
};
