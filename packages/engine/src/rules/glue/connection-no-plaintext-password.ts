import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import { describeSecrets, plaintextSecrets } from '../secrets/plaintext.js';

/** Written by Glue itself once connection password encryption is on: ciphertext, not a secret in the clear. */
const GLUE_ENCRYPTED = 'ENCRYPTED_PASSWORD';

export const glueConnectionNoPlaintextPassword = defineRule({
  id: 'glue-connection-no-plaintext-password',
  title: 'Glue connections do not hold literal passwords',
  severity: 'high',
  rationale:
    'A literal PASSWORD in a connection is in the template or Terraform code and its history, and a JDBC ' +
    'connection usually reaches a database of ePHI. Give the connection a Secrets Manager secret (SECRET_ID) or pass ' +
    'the password at deploy time (a {{resolve:secretsmanager:…}} reference, a NoEcho parameter, a sensitive ' +
    'variable) with connection password encryption on (glue-data-catalog-connection-passwords-encrypted).',
  remediation: {
    cloudformation:
      'Replace PASSWORD (and USERNAME) in ConnectionInput.ConnectionProperties with SECRET_ID: !Ref DbSecret, or at ' +
      "least PASSWORD: '{{resolve:secretsmanager:db-credentials:SecretString:password}}'.",
    terraform:
      'Set connection_properties = { SECRET_ID = aws_secretsmanager_secret.db.name, … } instead of PASSWORD, or pass ' +
      'the password from a sensitive variable that has no default.',
    console:
      'Glue → Data connections → the connection → Edit → Authentication: choose an AWS Secrets Manager secret instead ' +
      'of a user name and password.',
  },
  controls: ['secrets-management'],
  kinds: ['GlueConnection'],
  check(connection) {
    const properties = connection.facts.properties;
    if (isUnknown(properties)) return cannotVerify(`connection properties are ${properties.$unknown}`);
    // Only literals: a value supplied at deploy time (NoEcho parameter, dynamic reference) is not in the code.
    const secrets = plaintextSecrets(
      properties.filter((property) => property.name !== GLUE_ENCRYPTED),
    ).filter((secret) => secret.why !== 'value of a NoEcho parameter');
    return secrets.length > 0
      ? fail(`literal secret(s) in connection properties: ${describeSecrets(secrets)}`)
      : pass;
  },
});
