import { isRef, isUnknown, type ResourceRef, type Unknown, unknown } from '../../../model/values.js';

/**
 * Evaluation values are plain JSON (null, boolean, number, string, arrays for lists/tuples/sets, plain
 * objects for maps/objects) plus the model's `Unknown` and `ResourceRef`. A configuration error (an
 * unsupported attribute, a bad function argument) is an {@link ExpressionError}: `try`/`can` catch it, and at
 * the top of an attribute it becomes an `Unknown` carrying the message.
 */
export class ExpressionError extends Error {}

/**
 * `target[key] = value` as an own property even for `__proto__` (a resource, variable or map key may be
 * named so: plain assignment would replace the prototype and drop the entry silently).
 */
export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** Thrown by strict readers when a concrete value is needed but the input is unresolved. */
export class UnresolvedSignal extends Error {
  constructor(readonly value: Unknown) {
    super(value.$unknown);
  }
}

export function isUnresolved(value: unknown): value is Unknown | ResourceRef {
  return isUnknown(value) || isRef(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnresolved(value);
}

/** Model ids of every resource a value mentions (references and the refs kept by unknowns). */
export function refsOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (value === null || typeof value !== 'object') return out;
  if (isRef(value)) out.add(value.$ref);
  else if (isUnknown(value)) for (const ref of value.refs ?? []) out.add(ref);
  else if (Array.isArray(value)) for (const item of value) refsOf(item, out);
  else for (const item of Object.values(value)) refsOf(item, out);
  return out;
}

/** True if any part of the value is unknown or a reference. */
export function containsUnresolved(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isUnresolved(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnresolved);
  return Object.values(value).some(containsUnresolved);
}

/** The address part of a model id (`folder#aws_kms_key.k` → `aws_kms_key.k`). */
function addressOf(id: string): string {
  const hash = id.indexOf('#');
  return hash < 0 ? id : id.slice(hash + 1);
}

/** Why a value is not known: the first unknown's reason, or the first reference's "known after apply". */
export function reasonOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (isUnknown(value)) return value.$unknown;
  if (isRef(value)) {
    const target = addressOf(value.$ref);
    return `${value.attribute ? `${target}.${value.attribute}` : target} is known only after apply`;
  }
  const items = Array.isArray(value) ? value : Object.values(value);
  for (const item of items) {
    const reason = reasonOf(item);
    if (reason) return reason;
  }
  return undefined;
}

/** An unknown standing for a value computed from `inputs`, keeping their references. */
export function unknownFrom(
  inputs: readonly unknown[],
  fallback = 'value is not known before apply',
): Unknown {
  const refs = new Set<string>();
  let reason: string | undefined;
  for (const input of inputs) {
    refsOf(input, refs);
    reason ??= reasonOf(input);
  }
  return unknown(reason ?? fallback, [...refs]);
}

/** Throws {@link UnresolvedSignal} if the value (deeply) is not fully known. */
export function requireKnown(value: unknown): void {
  if (containsUnresolved(value)) throw new UnresolvedSignal(unknownFrom([value]));
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (isUnknown(value)) return 'unknown';
  if (isRef(value)) return 'reference';
  return typeof value === 'object' ? 'object' : typeof value;
}

export function asString(value: unknown, what = 'argument'): string {
  if (isUnresolved(value)) throw new UnresolvedSignal(unknownFrom([value]));
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  throw new ExpressionError(`${what} must be a string, not ${typeName(value)}`);
}

export function asNumber(value: unknown, what = 'argument'): number {
  if (isUnresolved(value)) throw new UnresolvedSignal(unknownFrom([value]));
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  throw new ExpressionError(`${what} must be a number, not ${typeName(value)}`);
}

export function asBool(value: unknown, what = 'argument'): boolean {
  if (isUnresolved(value)) throw new UnresolvedSignal(unknownFrom([value]));
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ExpressionError(`${what} must be a bool, not ${typeName(value)}`);
}

export function asList(value: unknown, what = 'argument'): unknown[] {
  if (isUnresolved(value)) throw new UnresolvedSignal(unknownFrom([value]));
  if (Array.isArray(value)) return value;
  throw new ExpressionError(`${what} must be a list, not ${typeName(value)}`);
}

export function asObject(value: unknown, what = 'argument'): Record<string, unknown> {
  if (isUnresolved(value)) throw new UnresolvedSignal(unknownFrom([value]));
  if (isPlainObject(value)) return value;
  throw new ExpressionError(`${what} must be a map or object, not ${typeName(value)}`);
}

/** Terraform prints whole numbers without a fraction. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}

/** Deep equality of known values (`==`). */
export function deepEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== typeof right || left === null || right === null) return false;
  if (typeof left !== 'object') return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => deepEqual(item, right[index]));
  }
  const leftObject = left as Record<string, unknown>;
  const rightObject = right as Record<string, unknown>;
  const keys = Object.keys(leftObject);
  return (
    keys.length === Object.keys(rightObject).length &&
    keys.every((key) => key in rightObject && deepEqual(leftObject[key], rightObject[key]))
  );
}
