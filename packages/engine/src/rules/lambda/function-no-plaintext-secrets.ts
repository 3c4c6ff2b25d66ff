import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule } from '../rule.js';
import { plaintextSecrets, plaintextVerdict } from '../secrets/plaintext.js';

export const lambdaFunctionNoPlaintextSecrets = defineRule({
  id: 'lambda-function-no-plaintext-secrets',
  title: 'Lambda environment variables hold no plaintext secrets',
  severity: 'high',
  rationale:
    'Secrets in environment variables are visible in the template, in the function configuration to anyone with ' +
    'read access, and in deployment logs; they belong in Secrets Manager with a CMK (R-INF-9).',
  remediation: {
    cloudformation:
      'Store the secret in AWS::SecretsManager::Secret, pass its ARN (e.g. DB_SECRET_ARN: !Ref Secret) and read it at ' +
      'run time (a {{resolve:secretsmanager:…}} dynamic reference would put the value back in the configuration).',
    terraform:
      'Put the secret in aws_secretsmanager_secret and pass its ARN in the environment, not the value.',
    console:
      'Lambda → Configuration → Environment variables → remove the secret; store it in Secrets Manager.',
  },
  controls: ['secrets-management'],
  kinds: ['Function'],
  check(fn) {
    const environment = fn.facts.environment;
    if (isUnknown(environment)) return cannotVerify(`environment is ${environment.$unknown}`);
    return plaintextVerdict(
      'plaintext secret(s) in environment variables',
      plaintextSecrets(environment),
      "the function's configuration",
      'keep the secret in Secrets Manager, pass its ARN and read it at run time',
    );
  },
});
