import { beanstalkFacts, CFN_OPTION_KEYS, externalTemplate } from '../../beanstalk-options.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

/** An environment with the option settings of the `AWS::ElasticBeanstalk::ConfigurationTemplate` it names, if any. */
const environment = cfnMapping('BeanstalkEnvironment', (view, context) => {
  const p = view.properties;
  const name = p.TemplateName;
  const template = context.resolve(name);
  return beanstalkFacts(
    p.OptionSettings,
    name === undefined
      ? undefined
      : template?.type === 'AWS::ElasticBeanstalk::ConfigurationTemplate'
        ? (template.properties.OptionSettings ?? [])
        : externalTemplate(name),
    CFN_OPTION_KEYS,
  );
});

export const elasticbeanstalkCfnMappers: CfnMapperTable = {
  'AWS::ElasticBeanstalk::Environment': environment,
};
