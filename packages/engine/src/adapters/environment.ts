import type { EnvironmentVariable } from '../model/kinds/lambda.js';
import { isRef, isUnknown, type Val } from '../model/values.js';
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
