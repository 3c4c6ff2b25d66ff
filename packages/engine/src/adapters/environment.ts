import type { DeployTimeSecretStore, EnvironmentVariable } from '../model/kinds/lambda.js';
import { isRef, isUnknown, unknown, type Val } from '../model/values.js';
import { at, list, record, str } from './read.js';

/**
 * Environment variables of functions, containers and builds, as every input writes them: a `{ NAME: value }`
 * map (Lambda), or a list of `{ Name, Value }` entries (CloudFormation ECS/CodeBuild) or `{ name, value }`
 * entries (ECS container JSON, Terraform blocks). Values stay references where they are, so the
 * plaintext-secret rules can tell a literal from a reference.
 */
export function environmentFromMap(value: unknown): Val<readonly EnvironmentVariable[]> {
  const variables = record(value);
  if (isUnknown(variables)) return variables;
  return Object.entries(variables).map(([name, raw]) => ({ name, value: isRef(raw) ? raw : str(raw, '') }));
}

export interface EnvironmentEntryKeys {
  readonly name: string;
  readonly value: string;
}

export const PASCAL_CASE_ENTRY: EnvironmentEntryKeys = { name: 'Name', value: 'Value' };
export const LOWER_CASE_ENTRY: EnvironmentEntryKeys = { name: 'name', value: 'value' };

export function environmentFromList(
  value: unknown,
  keys: EnvironmentEntryKeys,
  fromSecretStore: (entry: unknown) => boolean = () => false,
): Val<readonly EnvironmentVariable[]> {
  const items = list(value);
  if (isUnknown(items)) return items;
  const out: EnvironmentVariable[] = [];
  for (const entry of items) {
    const name = at(entry, keys.name);
    if (typeof name !== 'string') continue;
    const raw = at(entry, keys.value);
    out.push({ name, value: isRef(raw) ? raw : str(raw, ''), fromSecretStore: fromSecretStore(entry) });
  }
  return out;
}

/**
 * CloudFormation resolves `{{resolve:secretsmanager:…}}` and `{{resolve:ssm-secure:…}}` anywhere in a property's
 * text at deploy time (after `Fn::Sub`/`Fn::Join`), so the resource's configuration holds the secret itself: each
 * plain variable is marked with the store its value reads (`deployTimeSecret`). For CloudFormation mappings only.
 */
export function withDeployTimeSecrets(
  variables: Val<readonly EnvironmentVariable[]>,
): Val<readonly EnvironmentVariable[]> {
  if (isUnknown(variables)) return variables;
  return variables.map((variable) => {
    if (variable.fromSecretStore) return variable;
    const secret = deployTimeSecretIn(variable.value);
    return secret === undefined ? variable : { ...variable, deployTimeSecret: secret };
  });
}

const SECRET_DYNAMIC_REFERENCE = /\{\{resolve:(secretsmanager|ssm-secure):/;

/** The secret store a dynamic reference in `text` reads (`{{resolve:secretsmanager:…}}`), if it holds one. */
export function secretStoreIn(text: string): DeployTimeSecretStore | undefined {
  return SECRET_DYNAMIC_REFERENCE.exec(text)?.[1] as DeployTimeSecretStore | undefined;
}

/**
 * The store of a secret dynamic reference in a value: a literal's text, the literal text (`pattern`) of a string
 * built at deploy time (`!Sub '{{resolve:secretsmanager:${Secret}:SecretString:password}}'`), or its candidates
 * (`Fn::If`, `Fn::FindInMap`). A value the template holds no text of (a parameter without a value) is not judged.
 */
function deployTimeSecretIn(value: unknown): Val<DeployTimeSecretStore> | undefined {
  if (typeof value === 'string') return secretStoreIn(value);
  if (!isUnknown(value)) return undefined;
  if (value.pattern !== undefined) {
    const store = secretStoreIn(value.pattern);
    if (store !== undefined) return store;
    // `{{resolve:${Service}:…}}`: a dynamic reference whose service is chosen at deploy time.
    if (value.pattern.includes('{{resolve:*'))
      return unknown(`a dynamic reference to a service known at deploy time (${value.$unknown})`, value.refs);
  }
  const stores = value.candidates?.map((candidate) =>
    typeof candidate === 'string' ? secretStoreIn(candidate) : undefined,
  );
  if (stores === undefined || stores.every((store) => store === undefined)) return undefined;
  const first = stores.find((store) => store !== undefined);
  if (first !== undefined && stores.every((store) => store !== undefined)) return first;
  return unknown(`${value.$unknown}, and only some of its possible values resolve a secret`, value.refs);
}
