import { isUnknown } from '../../model/values.js';
import { defineRule, fail, pass } from '../rule.js';
import { describeSecrets, noEchoNote, plaintextSecrets } from '../secrets/plaintext.js';

export const ssmParameterNoPlaintextSecrets = defineRule({
  id: 'ssm-parameter-no-plaintext-secrets',
  title: 'SSM parameters written by IaC hold no plaintext secrets',
  severity: 'high',
  rationale:
    'A password or key written as a parameter value in a template lives in source control, in the stack or state, ' +
    'and — for CloudFormation, which can create only String parameters — unencrypted in Parameter Store, readable by ' +
    'anyone with ssm:GetParameter: credentials to ePHI stores leak (R-INF-9).',
  remediation: {
    cloudformation:
      'Remove the literal: create the secret as AWS::SecretsManager::Secret with GenerateSecretString (and rotation), ' +
      'or create a SecureString parameter outside CloudFormation and reference it with {{resolve:ssm-secure:…}}.',
    terraform:
      'Generate the value (random_password) into aws_secretsmanager_secret_version, or pass it through a sensitive ' +
      'variable without a default into a SecureString parameter; never write it in the configuration.',
    console:
      'Systems Manager → Parameter Store → the parameter → delete it and recreate it as a SecureString with a CMK ' +
      '(better: move it to Secrets Manager), then rotate the exposed secret.',
  },
  controls: ['secrets-management'],
  kinds: ['SsmParameter'],
  check(parameter) {
    const { name, type, value } = parameter.facts;
    const label = typeof name === 'string' ? name : parameter.source.nativeId;
    const secrets = plaintextSecrets([{ name: label, value }]);
    if (secrets.length === 0) return pass;
    const kind = isUnknown(type) ? 'parameter' : `${type} parameter`;
    return fail(
      `${kind} written with a literal secret: ${describeSecrets(secrets)}${noEchoNote(
        secrets,
        'Parameter Store (CloudFormation creates only String parameters)',
        'create the secret in Secrets Manager, or a SecureString outside CloudFormation',
      )}`,
    );
  },
});
