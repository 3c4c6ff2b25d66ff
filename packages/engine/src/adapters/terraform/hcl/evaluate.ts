import { isRef, isUnknown, type Unknown, unknown } from '../../../model/values.js';
import { callFunction } from './functions.js';
import { type Expr, HclSyntaxError, parseTemplateString, type TemplatePart } from './syntax.js';
import {
  asBool,
  asNumber,
  containsUnresolved,
  deepEqual,
  ExpressionError,
  formatNumber,
  isPlainObject,
  isUnresolved,
  refsOf,
  setKey,
  typeName,
  UnresolvedSignal,
  unknownFrom,
} from './values.js';

/** One step of a traversal after its root name: `.name` or `[key]` (the key already evaluated). */
export type Step = { readonly attr: string } | { readonly index: unknown };

/**
 * What an expression may refer to outside itself: the module instance it is evaluated in answers
 * `var.*`, `local.*`, `module.*`, `data.*`, `path.*` and resource references. It returns the value and
 * how many steps it consumed (the rest are applied generically), or `undefined` for an unknown root.
 */
export interface EvalHost {
  reference(root: string, steps: readonly Step[]): { value: unknown; consumed: number } | undefined;
  /** Contents of a file named by `file()` (relative to the root module); throws ExpressionError if unreadable. */
  readFile(path: string): string;
  /** Records a configuration mistake Terraform would reject (an input error), where one can be recorded. */
  report?(message: string): void;
}

export interface EvalContext {
  readonly host: EvalHost;
  /** Names bound by `for` expressions, `each`, `count`, dynamic-block iterators. */
  readonly vars: ReadonlyMap<string, unknown>;
}

const ANON = '\u0000splat';

export function withVars(ctx: EvalContext, bindings: Record<string, unknown>): EvalContext {
  const vars = new Map(ctx.vars);
  for (const [name, value] of Object.entries(bindings)) vars.set(name, value);
  return { host: ctx.host, vars };
}

/**
 * Evaluates one hcl2json value: strings are templates, arrays and objects are evaluated element-wise
 * (object keys written as `${…}` are expressions). Never throws: a configuration error becomes an
 * `Unknown` with its message.
 */
export function evaluateValue(raw: unknown, ctx: EvalContext): unknown {
  if (typeof raw === 'string') return evaluateString(raw, ctx);
  if (Array.isArray(raw)) return raw.map((item) => evaluateValue(item, ctx));
  if (raw !== null && typeof raw === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (key.startsWith('${') && key.endsWith('}')) {
        const keyValue = evaluateString(key, ctx);
        if (typeof keyValue === 'string' || typeof keyValue === 'number')
          setKey(out, String(keyValue), evaluateValue(value, ctx));
        // A computed key that is not known cannot be placed; the map as a whole is then unknown.
        else return unknownFrom([keyValue], 'a map key is not known before apply');
      } else setKey(out, key, evaluateValue(value, ctx));
    }
    return out;
  }
  return raw;
}

/** Evaluates a template string; errors become `Unknown`. */
export function evaluateString(text: string, ctx: EvalContext): unknown {
  let expr: Expr;
  try {
    expr = parseTemplateString(text);
  } catch (error) {
    if (error instanceof HclSyntaxError) return unknown(`cannot parse expression: ${error.message}`);
    throw error;
  }
  if (expr.kind === 'literal') return expr.value;
  return evaluateSafely(expr, ctx);
}

export function evaluateSafely(expr: Expr, ctx: EvalContext): unknown {
  try {
    return evaluate(expr, ctx);
  } catch (error) {
    if (error instanceof UnresolvedSignal) return error.value;
    if (error instanceof ExpressionError) return unknown(error.message);
    if (error instanceof RangeError) return unknown('expression is too deeply nested');
    throw error;
  }
}

/** Evaluates an expression; throws ExpressionError for configuration errors, UnresolvedSignal from strict readers. */
export function evaluate(expr: Expr, ctx: EvalContext): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'paren':
      return evaluate(expr.inner, ctx);
    case 'template':
      return evaluateTemplate(expr.parts, ctx);
    case 'tuple':
      return expr.items.map((item) => evaluate(item, ctx));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const item of expr.items) {
        const key = evaluate(item.key, ctx);
        if (isUnresolved(key)) return unknownFrom([key], 'an object key is not known before apply');
        if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') {
          throw new ExpressionError(`object key must be a string, not ${typeName(key)}`);
        }
        setKey(out, typeof key === 'number' ? formatNumber(key) : String(key), evaluate(item.value, ctx));
      }
      return out;
    }
    case 'anon':
      return ctx.vars.get(ANON);
    case 'variable':
    case 'getattr':
    case 'index':
      return evaluateTraversal(expr, ctx);
    case 'splat': {
      const source = evaluate(expr.source, ctx);
      if (isUnknown(source)) return source;
      if (source === null) return [];
      const items = Array.isArray(source) ? source : [source];
      return items.map((item) => evaluate(expr.each, withVars(ctx, { [ANON]: item })));
    }
    case 'call':
      return evaluateCall(expr, ctx);
    case 'for':
      return evaluateFor(expr, ctx);
    case 'unary': {
      const operand = evaluate(expr.operand, ctx);
      if (isUnresolved(operand)) return unknownFrom([operand]);
      return expr.op === '!' ? !asBool(operand, 'operand of "!"') : -asNumber(operand, 'operand of "-"');
    }
    case 'binary':
      return evaluateBinary(expr.op, evaluate(expr.left, ctx), evaluate(expr.right, ctx));
    case 'conditional': {
      const condition = evaluate(expr.condition, ctx);
      if (isUnresolved(condition)) {
        // Either branch may apply: keep both branches' references so joins and the PHI boundary see them.
        const branches = [expr.then, expr.otherwise].map((branch) => evaluateSafely(branch, ctx));
        return unknownFrom([condition, ...branches]);
      }
      return asBool(condition, 'condition') ? evaluate(expr.then, ctx) : evaluate(expr.otherwise, ctx);
    }
  }
}

function evaluateTraversal(expr: Expr, ctx: EvalContext): unknown {
  const steps: Step[] = [];
  let node = expr;
  const pending: Expr[] = [];
  while (node.kind === 'getattr' || node.kind === 'index') {
    pending.push(node);
    node = node.target;
  }
  pending.reverse();
  if (node.kind !== 'variable') {
    let value = evaluate(node, ctx);
    for (const step of pending) value = applyStep(value, stepOf(step, ctx));
    return value;
  }
  for (const step of pending) steps.push(stepOf(step, ctx));
  let value: unknown;
  let consumed = 0;
  if (ctx.vars.has(node.name)) value = ctx.vars.get(node.name);
  else {
    const resolved = ctx.host.reference(node.name, steps);
    if (!resolved) throw new ExpressionError(`unknown name "${node.name}"`);
    value = resolved.value;
    consumed = resolved.consumed;
  }
  for (const step of steps.slice(consumed)) value = applyStep(value, step);
  return value;
}

function stepOf(node: Expr, ctx: EvalContext): Step {
  if (node.kind === 'getattr') return { attr: node.name };
  if (node.kind === 'index') return { index: evaluate(node.key, ctx) };
  throw new ExpressionError('bad traversal');
}

/** `.name` or `[key]` applied to a value. */
export function applyStep(value: unknown, step: Step): unknown {
  if (isUnknown(value)) return value;
  const key = 'attr' in step ? step.attr : step.index;
  if (isUnresolved(key)) return unknownFrom([key, value]);
  if (isRef(value)) {
    if (value.attribute === undefined && 'attr' in step) return { $ref: value.$ref, attribute: step.attr };
    return unknownFrom([value]);
  }
  if (value === null) throw new ExpressionError(`cannot read ${describeStep(step)} of a null value`);
  if (Array.isArray(value)) {
    if (typeof key === 'number' || (typeof key === 'string' && /^[0-9]+$/.test(key) && 'index' in step)) {
      const index = Number(key);
      if (index < 0 || index >= value.length || !Number.isInteger(index)) {
        throw new ExpressionError(`index ${index} is out of range for a list of ${value.length}`);
      }
      return value[index];
    }
    // `aws_s3_bucket.b.id` on a counted resource: every instance may be meant.
    const refs = refsOf(value);
    if (refs.size > 0) {
      return unknown(`${describeStep(step)} of a list of resource instances needs an index (e.g. [0])`, [
        ...refs,
      ]);
    }
    throw new ExpressionError(`cannot read ${describeStep(step)} of a list`);
  }
  if (isPlainObject(value)) {
    const name = typeof key === 'number' ? formatNumber(key) : String(key);
    if (!Object.hasOwn(value, name)) throw new ExpressionError(`no attribute or key "${name}"`);
    return value[name];
  }
  throw new ExpressionError(`cannot read ${describeStep(step)} of a ${typeName(value)}`);
}

function describeStep(step: Step): string {
  return 'attr' in step ? `attribute "${step.attr}"` : `[${JSON.stringify(step.index)}]`;
}

function templateString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  throw new ExpressionError(`cannot interpolate a ${typeName(value)} into a string`);
}

/** Stands for an unknown interpolation while a template's text is read as a JSON policy document. */
const PLACEHOLDER = (index: number) => `__safeguard_unknown_${index}__`;
const PLACEHOLDERS = /__safeguard_unknown_(\d+)__/g;

/**
 * A heredoc IAM policy whose interpolations are unknown (`"Resource": "arn:aws:s3:::${aws_s3_bucket.x.id}/*"`):
 * the document keeps its structure, with each string that holds an unknown interpolation unknown, as
 * `jsonencode` does, so its effects, principals, actions and conditions are still judged. Only when every
 * unknown sits inside a JSON string of a document with a `Statement`; anything else stays wholly unknown.
 */
function policyTemplate(text: string, interpolations: readonly unknown[]): unknown {
  if (!/^\s*\{/.test(text) || !text.includes('"Statement"')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  let inKey = false;
  const restore = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const used = [...value.matchAll(PLACEHOLDERS)].map((match) => interpolations[Number(match[1])]);
      return used.length === 0 ? value : unknownFrom(used);
    }
    if (Array.isArray(value)) return value.map(restore);
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        if (PLACEHOLDERS.test(key)) inKey = true;
        PLACEHOLDERS.lastIndex = 0;
        out[key] = restore(item);
      }
      return out;
    }
    return value;
  };
  const document = restore(parsed);
  return inKey || !isPlainObject(document) || !('Statement' in document) ? undefined : document;
}

function evaluateTemplate(parts: readonly TemplatePart[], ctx: EvalContext): unknown {
  let out = '';
  const unresolved: unknown[] = [];
  /** Unknown interpolations by placeholder index; false once an unknown condition or loop hides text. */
  const interpolations: unknown[] = [];
  let structured = true;
  const walk = (items: readonly TemplatePart[], scope: EvalContext): void => {
    for (const part of items) {
      if (part.kind === 'text') out += part.text;
      else if (part.kind === 'interp') {
        const value = evaluate(part.expr, scope);
        if (isUnresolved(value)) {
          unresolved.push(value);
          out += PLACEHOLDER(interpolations.length);
          interpolations.push(value);
        } else out += templateString(value);
      } else if (part.kind === 'if') {
        const condition = evaluate(part.condition, scope);
        if (isUnresolved(condition)) {
          unresolved.push(condition);
          structured = false;
        } else walk(asBool(condition, 'template condition') ? part.whenTrue : part.otherwise, scope);
      } else {
        const collection = evaluate(part.collection, scope);
        if (isUnresolved(collection)) {
          unresolved.push(collection);
          structured = false;
          continue;
        }
        for (const [key, value] of entriesOf(collection)) {
          const bindings: Record<string, unknown> = { [part.valueVar]: value };
          if (part.keyVar) bindings[part.keyVar] = key;
          walk(part.body, withVars(scope, bindings));
        }
      }
    }
  };
  walk(parts, ctx);
  if (unresolved.length === 0) return out;
  return (structured ? policyTemplate(out, interpolations) : undefined) ?? unknownFrom(unresolved);
}

function entriesOf(collection: unknown): [unknown, unknown][] {
  if (Array.isArray(collection)) return collection.map((value, index) => [index, value]);
  if (isPlainObject(collection)) {
    return Object.keys(collection)
      .sort()
      .map((key) => [key, collection[key]]);
  }
  throw new ExpressionError(`cannot iterate over a ${typeName(collection)}`);
}

function evaluateFor(expr: Extract<Expr, { kind: 'for' }>, ctx: EvalContext): unknown {
  const collection = evaluate(expr.collection, ctx);
  if (isUnresolved(collection)) return unknownFrom([collection]);
  const isObject = expr.keyExpr !== undefined;
  const list: unknown[] = [];
  const object: Record<string, unknown> = {};
  for (const [key, value] of entriesOf(collection)) {
    const bindings: Record<string, unknown> = { [expr.valueVar]: value };
    if (expr.keyVar) bindings[expr.keyVar] = key;
    const scope = withVars(ctx, bindings);
    if (expr.condition) {
      const keep = evaluate(expr.condition, scope);
      if (isUnresolved(keep)) return unknownFrom([keep], 'a for-expression filter is not known');
      if (!asBool(keep, 'for-expression condition')) continue;
    }
    const item = evaluate(expr.valueExpr, scope);
    if (!isObject || !expr.keyExpr) {
      list.push(item);
      continue;
    }
    const itemKey = evaluate(expr.keyExpr, scope);
    if (isUnresolved(itemKey)) return unknownFrom([itemKey], 'a for-expression key is not known');
    const name = templateString(itemKey);
    if (expr.group) {
      const group = Array.isArray(object[name]) ? (object[name] as unknown[]) : [];
      group.push(item);
      setKey(object, name, group);
    } else if (Object.hasOwn(object, name))
      throw new ExpressionError(`duplicate key "${name}" in for expression (use "..." to group)`);
    else setKey(object, name, item);
  }
  return isObject ? object : list;
}

function evaluateCall(expr: Extract<Expr, { kind: 'call' }>, ctx: EvalContext): unknown {
  // try and can see errors of their arguments, so they evaluate them themselves.
  if (expr.name === 'try') {
    for (const arg of expr.args) {
      try {
        return evaluate(arg, ctx);
      } catch (error) {
        if (error instanceof UnresolvedSignal) return error.value;
        if (!(error instanceof ExpressionError)) throw error;
      }
    }
    throw new ExpressionError('no argument of try() could be evaluated');
  }
  if (expr.name === 'can') {
    const [arg] = expr.args;
    if (!arg) throw new ExpressionError('can() needs one argument');
    try {
      const value = evaluate(arg, ctx);
      return isUnknown(value) ? value : true;
    } catch (error) {
      if (error instanceof UnresolvedSignal) return error.value;
      if (error instanceof ExpressionError) return false;
      throw error;
    }
  }
  let args = expr.args.map((arg) => evaluate(arg, ctx));
  if (expr.expand) {
    const last = args[args.length - 1];
    if (isUnresolved(last)) return unknownFrom([last]);
    if (!Array.isArray(last)) throw new ExpressionError(`cannot expand a ${typeName(last)} into arguments`);
    args = [...args.slice(0, -1), ...last];
  }
  try {
    return callFunction(expr.name, args, ctx.host);
  } catch (error) {
    if (error instanceof UnresolvedSignal) return error.value;
    if (error instanceof ExpressionError) throw new ExpressionError(`${expr.name}(): ${error.message}`);
    throw error;
  }
}

function evaluateBinary(op: string, left: unknown, right: unknown): unknown {
  if (op === '&&' || op === '||') {
    // cty: a known false (&&) or true (||) decides the result even if the other side is unknown.
    const decisive = op === '||';
    for (const side of [left, right])
      if (!isUnresolved(side) && asBool(side, `operand of "${op}"`) === decisive) return decisive;
    if (isUnresolved(left) || isUnresolved(right)) return unknownFrom([left, right]);
    return !decisive;
  }
  if (op === '==' || op === '!=') {
    const equal = equality(left, right);
    if (typeof equal !== 'boolean') return equal;
    return op === '==' ? equal : !equal;
  }
  if (isUnresolved(left) || isUnresolved(right)) return unknownFrom([left, right]);
  const a = asNumber(left, `left operand of "${op}"`);
  const b = asNumber(right, `right operand of "${op}"`);
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new ExpressionError('division by zero');
      return a / b;
    case '%':
      if (b === 0) throw new ExpressionError('modulo by zero');
      return a % b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      throw new ExpressionError(`unknown operator "${op}"`);
  }
}

function equality(left: unknown, right: unknown): boolean | Unknown {
  // A reference to another resource's attribute is never null in configuration terms: modules commonly
  // write `var.kms_key_arn != null ? var.kms_key_arn : …`, and the reference must survive that choice.
  if ((left === null && isRef(right)) || (right === null && isRef(left))) return false;
  // Likewise a known object or list is not null even if some of its elements are unknown (cty compares
  // nullness only): `var.statements != null ? var.statements : {}` keeps a map whose ARNs are unknown.
  if (left === null || right === null) {
    const other = left === null ? right : left;
    if (!isUnresolved(other)) return other === null;
  }
  if (containsUnresolved(left) || containsUnresolved(right)) return unknownFrom([left, right]);
  return deepEqual(left, right);
}
