import { isUnknown } from '../../../model/values.js';
import { at, bool, list, str } from '../../read.js';
import { type TfMapperTable, tfMapping } from '../mapper.js';
import { declared } from './vpc.js';

/** `aws_elastic_beanstalk_environment` `setting { namespace, name, value }` blocks, as CloudFormation's OptionSettings. */
const environment = tfMapping('BeanstalkEnvironment', (view) => {
  const options = list(declared(view.values.setting));
  if (isUnknown(options)) return { healthReporting: options, managedActions: options, updateLevel: options };
  const option = (namespace: string, name: string) =>
    options.find((o) => at(o, 'namespace') === namespace && at(o, 'name') === name);
  const managed = option('aws:elasticbeanstalk:managedactions', 'ManagedActionsEnabled');
  const level = option('aws:elasticbeanstalk:managedactions:platformupdate', 'UpdateLevel');
  return {
    healthReporting: str(
      at(option('aws:elasticbeanstalk:healthreporting:system', 'SystemType'), 'value'),
      'basic',
    ),
    managedActions: managed === undefined ? false : bool(at(managed, 'value'), true),
    updateLevel: level === undefined ? undefined : str(at(level, 'value'), ''),
  };
});

export const elasticbeanstalkTfMappers: TfMapperTable = {
  aws_elastic_beanstalk_environment: environment,
};
