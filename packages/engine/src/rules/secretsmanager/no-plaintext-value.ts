import { defineRule, fail, pass } from '../rule.js';

export const secretsmanagerNoPlaintextValue = defineRule({
  id: 'secretsmanager-no-plaintext-value',
  title: 'Secret values are not written in plaintext in the template',
  severity: 'high',
  rationale:
    'A SecretString written in the template is committed to source control, copied into every build artefact ' +
    'and visible in the CloudFormation console; the secret must be considered leaked (R-X-2).',
  remediation: {
    cloudformation:
      'Replace SecretString with GenerateSecretString (e.g. {SecretStringTemplate: \'{"username":"app"}\', ' +
      'GenerateStringKey: password, PasswordLength: 32}), then rotate the exposed credential.',
    terraform:
      'Do not set secret_string from a literal; generate it (random_password, stored only in encrypted state) or ' +
      'set it outside Terraform, and rotate the exposed credential.',
    console:
      'Secrets Manager → secret → Retrieve secret value → Edit / Rotate secret immediately; remove the value from source.',
  },
  controls: ['secrets-management'],
  kinds: ['Secret'],
  check(secret) {
    // The value itself is never read into the model or a message (R-X-2).
    return secret.facts.valueSource === 'literal'
      ? fail('SecretString is a plaintext literal in the template: the secret is in source control')
      : pass;
  },
});
