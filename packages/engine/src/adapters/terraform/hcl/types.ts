import { isRef, isUnknown } from '../../../model/values.js';
import { type EvalContext, evaluate } from './evaluate.js';
import { type Expr, parseExpression } from './syntax.js';
import { isPlainObject } from './values.js';

const parsed = new Map<string, Expr | undefined>();

function typeExpr(typeRaw: unknown): Expr | undefined {
  if (typeof typeRaw !== 'string') return undefined;
  const text = typeRaw.replace(/^\$\{|\}$/g, '').trim();
  if (!parsed.has(text)) {
    let expr: Expr | undefined;
    try {
      expr = parseExpression(text);
    } catch {
      expr = undefined;
    }
    parsed.set(text, expr);
  }
  return parsed.get(text);
}

/**
 * Converts a variable's value to its type constraint as Terraform does where it matters to a static
 * scan: primitives (`"5"` → 5 for `number`) and `optional(type, default)` attributes of `object(...)`
 * types, at any depth of `map`/`list`/`set`/`object`. An attribute the caller left out is null (or its
 * default), so `each.value.publicly_accessible` reads null instead of failing as a missing key.
 */
export function convertToType(value: unknown, typeRaw: unknown, ctx: EvalContext): unknown {
  const type = typeExpr(typeRaw);
  return type ? convert(value, type, ctx) : value;
}

function convert(value: unknown, type: Expr, ctx: EvalContext): unknown {
  if (value === null || isUnknown(value) || isRef(value)) return value;
  if (type.kind === 'paren') return convert(value, type.inner, ctx);
  if (type.kind === 'variable') return convertPrimitive(value, type.name);
  if (type.kind !== 'call') return value;
  const [inner] = type.args;
  switch (type.name) {
    case 'map':
      if (!inner || !isPlainObject(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, convert(item, inner, ctx)]));
    case 'list':
    case 'set':
      if (!inner || !Array.isArray(value)) return value;
      return value.map((item) => convert(item, inner, ctx));
    case 'object':
      if (inner?.kind !== 'object' || !isPlainObject(value)) return value;
      return convertObject(value, inner, ctx);
    default:
      return value;
  }
}

function convertObject(
  value: Record<string, unknown>,
  type: Extract<Expr, { kind: 'object' }>,
  ctx: EvalContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value };
  for (const { key, value: attributeType } of type.items) {
    const name =
      key.kind === 'variable'
        ? key.name
        : key.kind === 'literal' && typeof key.value === 'string'
          ? key.value
          : undefined;
    if (name === undefined) continue;
    const optional = attributeType.kind === 'call' && attributeType.name === 'optional';
    const [innerType, defaultExpr] = optional ? attributeType.args : [attributeType];
    if (optional && (out[name] === undefined || out[name] === null)) {
      out[name] = defaultExpr ? evaluateDefault(defaultExpr, ctx) : null;
    }
    if (innerType && out[name] !== undefined) out[name] = convert(out[name], innerType, ctx);
  }
  return out;
}

function evaluateDefault(expr: Expr, ctx: EvalContext): unknown {
  try {
    return evaluate(expr, ctx);
  } catch {
    return null;
  }
}

function convertPrimitive(value: unknown, type: string): unknown {
  if (type === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  if (type === 'bool' && (value === 'true' || value === 'false')) return value === 'true';
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  return value;
}
