import type { EnvironmentVariable } from '../../model/kinds/lambda.js';
import { isRef, isUnknown, type ResourceRef, type Val } from '../../model/values.js';
import { fail, pass, type Verdict } from '../rule.js';

/**
 * Plaintext-secret detection shared by every rule that reads environment variables or literal credentials
 * (Lambda, ECS, CodeBuild; RDS master passwords may use `isSecretReference`). Callers must never print the
 * value (R-X-2): findings name the variable only.
 */

/** Names that announce a secret. */
export const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|ACCESS_?KEY)/i;
/**
 * Names that announce a pointer to a secret, or a setting about secrets, rather than the secret itself
 * (`DB_SECRET_ARN`, `TOKEN_PARAMETER_NAME`, `API_KEY_HEADER=x-api-key`, `TOKEN_ISSUER=https://…`,
 * `PASSWORD_POLICY=strict`, `SECRET_KEY_ALGORITHM=HS256`, `DB_PASSWORD_FILE=/run/secrets/db`).
 */
const POINTER_NAME =
  /(_|^)(ARN|NAME|ID|PATH|PARAM|PARAMETER|REF|URL|URI|ENDPOINT|REGION|TTL|EXPIRY|HEADER|ISSUER|AUDIENCE|PROVIDER|ALGORITHM|ALG|FORMAT|PREFIX|SOURCE|CACHE|STORE|POLICY|TYPE|MODE|FILE|LOCATION)$/i;
/** AWS access key ids (long-term `AKIA`, temporary `ASIA`). */
export const AWS_ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/;

/**
 * The name of a Secrets Manager secret or SSM parameter (`riverbend/prod/lab-partner-api-key`,
 * `/clinic/prod/db-password`): lowercase path segments that each start with a letter, at least one `/`. Random
 * secrets that contain `/` (base64, AWS secret access keys) mix cases or start segments with digits, so they do not
 * match; a literal password written as a lowercase path is not a realistic value.
 */
const SECRET_STORE_NAME = /^\/?[a-z][a-z0-9._+=@-]+(\/[a-z][a-z0-9._+=@-]+)+$/;

/**
 * True when a value is a reference to a secret or resource and not a literal: a resource reference, a value only
 * known at deploy time, an ARN, a CloudFormation dynamic reference (`{{resolve:secretsmanager:…}}`) or an
 * SSM/Secrets Manager path or secret name.
 */
export function isSecretReference(value: Val<string | ResourceRef> | undefined): boolean {
  if (value === undefined || isUnknown(value) || isRef(value)) return true;
  const text = value.trim();
  return (
    text.startsWith('arn:') ||
    text.startsWith('{{resolve:') ||
    text.startsWith('${ssm:') ||
    text.startsWith('/aws/reference/secretsmanager/') ||
    SECRET_STORE_NAME.test(text)
  );
}

/** Values that cannot be a secret even under a secret-like name (flags, small numbers, empty strings). */
function isTrivial(text: string): boolean {
  return text === '' || /^(true|false|yes|no|on|off|none|null)$/i.test(text) || /^\d{1,5}$/.test(text);
}

export type PlaintextSecret =
  | {
      readonly name: string;
      readonly why: 'secret-like name with a literal value' | 'value looks like an AWS access key id';
    }
  | {
      readonly name: string;
      readonly why: 'value of a NoEcho parameter';
      /** The NoEcho parameter the value is, or embeds (`!Sub 'postgres://app:${DbPassword}@db'`). */
      readonly parameter: string;
    };

/**
 * The NoEcho template parameter (a secret supplied at deploy time) a value is or embeds, whatever its name: the
 * author declared it secret, and NoEcho masks it only in CloudFormation's own output, not in the configuration of
 * the resource that receives it. `undefined` for anything else (a dynamic reference is a literal string here).
 */
export function noEchoParameter(value: unknown): string | undefined {
  return isUnknown(value) && value.parameter?.noEcho === true ? value.parameter.name : undefined;
}

/** The variables holding a literal secret, or the value of a NoEcho parameter. */
export function plaintextSecrets(variables: readonly EnvironmentVariable[]): PlaintextSecret[] {
  const found: PlaintextSecret[] = [];
  for (const variable of variables) {
    if (variable.fromSecretStore) continue;
    const parameter = noEchoParameter(variable.value);
    if (parameter !== undefined) {
      found.push({ name: variable.name, why: 'value of a NoEcho parameter', parameter });
      continue;
    }
    if (isSecretReference(variable.value)) continue;
    const text = (variable.value as string).trim();
    if (AWS_ACCESS_KEY_ID.test(text))
      found.push({ name: variable.name, why: 'value looks like an AWS access key id' });
    else if (SECRET_NAME.test(variable.name) && !POINTER_NAME.test(variable.name) && !isTrivial(text))
      found.push({ name: variable.name, why: 'secret-like name with a literal value' });
  }
  return found;
}

/**
 * `DB_PASSWORD (secret-like name with a literal value), KEY (value looks like an AWS access key id),
 * DB_URL (set from NoEcho parameter DatabasePassword)`.
 */
export function describeSecrets(secrets: readonly PlaintextSecret[]): string {
  return secrets
    .map((secret) =>
      secret.why === 'value of a NoEcho parameter'
        ? `${secret.name} (set from NoEcho parameter ${secret.parameter})`
        : `${secret.name} (${secret.why})`,
    )
    .join(', ');
}

/**
 * What a finding adds when a secret came from a NoEcho parameter: where the value ends up in plaintext
 * (`store`: "the function's configuration") and what to do instead (`instead`).
 */
export function noEchoNote(secrets: readonly PlaintextSecret[], store: string, instead: string): string {
  return secrets.some((secret) => secret.why === 'value of a NoEcho parameter')
    ? ` — NoEcho hides a parameter only in CloudFormation's output: ${store} stores its value in plaintext (${instead})`
    : '';
}

/**
 * The verdict of a plaintext-secret rule: `fail` with `heading: <the secrets>` and, for values of NoEcho
 * parameters, where they end up in plaintext (`store`) and what to do `instead`; `pass` when there are none.
 */
export function plaintextVerdict(
  heading: string,
  secrets: readonly PlaintextSecret[],
  store: string,
  instead: string,
): Verdict {
  return secrets.length > 0
    ? fail(`${heading}: ${describeSecrets(secrets)}${noEchoNote(secrets, store, instead)}`)
    : pass;
}
