import type { PolicyStatement } from '../model/kinds/s3.js';
import { isRef, isUnknown, unknown, type Val } from '../model/values.js';
import { list, record, str } from './read.js';

/**
 * Normalises an IAM policy document (resolved JSON, from any adapter) into statements. Scalars are
 * promoted to lists as IAM does (`"Action": "s3:*"` ≡ `["s3:*"]`).
 */
export function policyStatements(document: unknown): Val<readonly PolicyStatement[]> {
  if (document === undefined || document === null) return [];
  if (isUnknown(document)) return document;
  if (typeof document === 'string') {
    try {
      return policyStatements(JSON.parse(document));
    } catch {
      return unknown('policy document is not valid JSON');
    }
  }
  const statementValue = (document as Record<string, unknown>).Statement;
  if (isUnknown(statementValue)) return statementValue;
  const statements = Array.isArray(statementValue) ? statementValue : statementValue ? [statementValue] : [];
  return statements.map(statementOf);
}

function stringList(value: unknown): Val<readonly Val<string>[]> {
  if (value === undefined || value === null) return [];
  if (isUnknown(value)) return value;
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => str(item, ''));
}

function statementOf(raw: unknown): PolicyStatement {
  if (isUnknown(raw)) {
    return {
      effect: raw,
      principal: raw,
      actions: raw,
      notActions: undefined,
      resources: raw,
      condition: raw,
    };
  }
  const statement = (raw ?? {}) as Record<string, unknown>;
  const effect = str(statement.Effect, 'Allow');
  const resourcesRaw = statement.Resource;
  const resources = isUnknown(resourcesRaw)
    ? resourcesRaw
    : (Array.isArray(resourcesRaw) ? resourcesRaw : resourcesRaw === undefined ? [] : [resourcesRaw]).map(
        (item) => (isRef(item) ? item : str(item, '')),
      );
  return {
    sid: typeof statement.Sid === 'string' ? statement.Sid : undefined,
    effect: isUnknown(effect) ? effect : effect === 'Deny' ? 'Deny' : 'Allow',
    principal: principalOf(statement.Principal),
    actions: stringList(statement.Action),
    notActions: statement.NotAction === undefined ? undefined : stringList(statement.NotAction),
    resources,
    condition: conditionOf(statement.Condition),
  };
}

function principalOf(value: unknown): PolicyStatement['principal'] {
  if (value === undefined) return undefined;
  if (isUnknown(value)) return value;
  if (value === '*') return '*';
  const byType = record(value);
  if (isUnknown(byType)) return byType;
  const out: Record<string, readonly Val<string>[]> = {};
  for (const [type, principals] of Object.entries(byType)) {
    const values = stringList(principals);
    if (isUnknown(values)) return values;
    if (type === 'AWS' && values.includes('*')) return '*';
    out[type] = values;
  }
  return out;
}

function conditionOf(value: unknown): PolicyStatement['condition'] {
  if (value === undefined) return undefined;
  const operators = record(value);
  if (isUnknown(operators)) return operators;
  const out: Record<string, Record<string, Val<readonly Val<string>[]>>> = {};
  for (const [operator, keys] of Object.entries(operators)) {
    const keyRecord = record(keys);
    if (isUnknown(keyRecord)) return keyRecord;
    const entries: Record<string, Val<readonly Val<string>[]>> = {};
    for (const [key, values] of Object.entries(keyRecord)) entries[key] = stringList(values);
    out[operator] = entries;
  }
  return out;
}

/** Items of a list fact that are known, ignoring an unknown list. */
export function knownItems<T>(values: Val<readonly Val<T>[]>): T[] {
  if (isUnknown(values)) return [];
  return values.filter((item): item is T => !isUnknown(item));
}

/** `list` re-exported for adapters that normalise arrays of statements themselves. */
export { list };
