import { isAwsManagedSecretsKey } from '../../model/kinds/secretsmanager.js';
import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const secretsmanagerCmk = defineRule({
  id: 'secretsmanager-cmk',
  title: 'Secrets Manager secrets are encrypted with a customer managed KMS key',
  severity: 'medium',
  rationale:
    'With the AWS managed aws/secretsmanager key, anyone in the account allowed secretsmanager:GetSecretValue can ' +
    'decrypt; a customer managed key adds a key policy you control and separates duties (R-INF-2, R-INF-9).',
  remediation: {
    cloudformation: 'Set KmsKeyId: !Ref SecretsKey on the AWS::SecretsManager::Secret.',
    terraform: 'Set kms_key_id = aws_kms_key.secrets.arn on aws_secretsmanager_secret.',
    console:
      'Secrets Manager → secret → Secret details → Edit encryption key → choose a customer managed key.',
  },
  controls: ['encryption-at-rest', 'key-management', 'secrets-management'],
  kinds: ['Secret'],
  equivalents: {
    cdkNag: ['HIPAA.Security-SecretsManagerUsingKMSKey'],
    awsConfig: ['secretsmanager-using-cmk'],
  },
  check(secret) {
    const key = secret.facts.kmsKey;
    if (key === undefined)
      return fail('encrypted with the AWS managed key aws/secretsmanager (KmsKeyId not set)');
    if (isUnknown(key) && !key.refs?.length) return cannotVerify(`KmsKeyId is ${key.$unknown}`);
    if (typeof key === 'string' && isAwsManagedSecretsKey(key))
      return fail(`encrypted with the AWS managed key ${key}, not a customer managed key`);
    return pass;
  },
});
