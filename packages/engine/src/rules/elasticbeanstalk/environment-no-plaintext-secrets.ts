import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule } from '../rule.js';
import { plaintextSecrets, plaintextVerdict } from '../secrets/plaintext.js';

export const elasticbeanstalkEnvironmentNoPlaintextSecrets = defineRule({
  id: 'elasticbeanstalk-environment-no-plaintext-secrets',
  title: 'Elastic Beanstalk environment properties hold no plaintext secrets',
  severity: 'high',
  rationale:
    'Environment properties (aws:elasticbeanstalk:application:environment) are stored in plain text in the ' +
    'environment configuration, shown in the console and by DescribeConfigurationSettings to anyone with read access, ' +
    'and written to the template: a database password there exposes the ePHI store (R-INF-9).',
  remediation: {
    cloudformation:
      'Store the secret in AWS::SecretsManager::Secret and pass its ARN as the property (DB_SECRET_ARN), reading the ' +
      'value at run time with the instance role; on current platforms use the aws:elasticbeanstalk:application:environmentsecrets namespace.',
    terraform:
      'Keep the secret in aws_secretsmanager_secret and put its ARN, not the value, in the setting block ' +
      '(or use the aws:elasticbeanstalk:application:environmentsecrets namespace).',
    console:
      'Elastic Beanstalk → the environment → Configuration → Updates, monitoring, and logging → Environment properties → ' +
      'remove the secret; reference it from Secrets Manager instead.',
  },
  controls: ['secrets-management'],
  kinds: ['BeanstalkEnvironment'],
  check(environment) {
    const variables = environment.facts.environment;
    if (isUnknown(variables)) return cannotVerify(`environment properties are ${variables.$unknown}`);
    return plaintextVerdict(
      'plaintext secret(s) in environment properties',
      plaintextSecrets(variables),
      'the environment configuration',
      'reference a Secrets Manager secret in the aws:elasticbeanstalk:application:environmentsecrets namespace',
    );
  },
});
