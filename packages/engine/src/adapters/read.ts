import { isRef, isUnknown, type ResourceRef, type Unknown, unknown, type Val } from '../model/values.js';

/**
 * Typed readers over resolved native properties (plain JSON in which unresolvable expressions are
 * `Unknown` and references to resources of the same input are `ResourceRef`). Every adapter uses them so
 * that AWS defaults are applied in one place per fact and an absent property is never `undefined` in
 * the model.
 */

/** Value at a dotted path (`BucketEncryption.ServerSideEncryptionConfiguration`); `Unknown` if a step is unknown. */
export function at(value: unknown, path: string): unknown {
  let current: unknown = value;
  if (path === '') return current;
  for (const key of stepsOf(path)) {
    if (isUnknown(current)) return current;
    if (current === null || current === undefined) return undefined;
    if (Array.isArray(current)) {
      const index = Number(key);
      if (!Number.isInteger(index)) return undefined;
      current = current[index];
      continue;
    }
    if (typeof current !== 'object' || isRef(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

// Paths are a few dozen literals in the mappers: each is split once, not once per resource.
const steps = new Map<string, readonly string[]>();
function stepsOf(path: string): readonly string[] {
  let split = steps.get(path);
  if (!split) {
    split = path.split('.');
    if (steps.size < 10_000) steps.set(path, split);
  }
  return split;
}

function mismatch(expected: string, value: unknown): Unknown {
  return unknown(`expected ${expected}, found ${isRef(value) ? 'a resource reference' : typeof value}`);
}

export function bool(value: unknown, absent: boolean): Val<boolean> {
  if (value === undefined || value === null) return absent;
  if (isUnknown(value)) return value;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True' || value === 'TRUE') return true;
  if (value === 'false' || value === 'False' || value === 'FALSE') return false;
  return mismatch('a boolean', value);
}

export function num(value: unknown, absent: number): Val<number>;
export function num(value: unknown, absent: undefined): Val<number> | undefined;
export function num(value: unknown, absent: number | undefined): Val<number> | undefined {
  if (value === undefined || value === null) return absent;
  if (isUnknown(value)) return value;
  // `1e999999` or YAML's `.inf` read as Infinity: no AWS setting takes it, and it would pass every minimum.
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : unknown(`${value} is not a finite number`);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return mismatch('a number', value);
}

export function str(value: unknown, absent: string): Val<string>;
export function str(value: unknown, absent: undefined): Val<string> | undefined;
export function str(value: unknown, absent: string | undefined): Val<string> | undefined {
  if (value === undefined || value === null) return absent;
  if (isUnknown(value)) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isRef(value))
    return unknown(`value of ${value.attribute ? `${value.$ref}.${value.attribute}` : value.$ref}`, [
      value.$ref,
    ]);
  return mismatch('a string', value);
}

/** An array (a scalar is not promoted); `[]` when absent. */
export function list(value: unknown): Val<readonly unknown[]> {
  if (value === undefined || value === null) return [];
  if (isUnknown(value)) return value;
  if (Array.isArray(value)) return value;
  return mismatch('a list', value);
}

/** A list of strings (each item read by `str`); `[]` when absent, unknown when the list or any item is. */
export function strings(value: unknown): Val<readonly string[]> {
  const items = list(value);
  if (isUnknown(items)) return items;
  const out: string[] = [];
  for (const item of items) {
    const text = str(item, '');
    if (isUnknown(text)) return text;
    out.push(text);
  }
  return out;
}

/** A reference, a literal identifier/ARN string, or unknown; `undefined` when absent. */
export function refOrString(value: unknown): Val<ResourceRef | string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value) || isRef(value) || typeof value === 'string') return value;
  return mismatch('a reference or identifier', value);
}

export function record(value: unknown): Val<Readonly<Record<string, unknown>>> {
  if (value === undefined || value === null) return {};
  if (isUnknown(value)) return value;
  if (typeof value === 'object' && !Array.isArray(value) && !isRef(value))
    return value as Record<string, unknown>;
  return mismatch('an object', value);
}
