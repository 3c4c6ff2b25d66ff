import { beanstalkFacts, externalTemplate, TF_OPTION_KEYS } from '../../beanstalk-options.js';
import { type TfMapperTable, tfMapping } from '../mapper.js';
import { declared } from './vpc.js';

/**
 * `aws_elastic_beanstalk_environment` `setting { namespace, name, value }` blocks over those of the
 * `aws_elastic_beanstalk_configuration_template` named by `template_name`.
 */
const environment = tfMapping('BeanstalkEnvironment', (view, context) => {
  const v = view.values;
  const name = declared(v.template_name);
  const template = context.resolve(name);
  return beanstalkFacts(
    declared(v.setting),
    name === undefined
      ? undefined
      : template?.type === 'aws_elastic_beanstalk_configuration_template'
        ? (declared(template.values.setting) ?? [])
        : externalTemplate(name),
    TF_OPTION_KEYS,
  );
});

export const elasticbeanstalkTfMappers: TfMapperTable = {
  aws_elastic_beanstalk_environment: environment,
};
