import { unknown } from '../../../model/values.js';
import { type EvalContext, evaluateValue, withVars } from './evaluate.js';
import { isPlainObject, isUnresolved, unknownFrom } from './values.js';

function isDynamicSpec(value: unknown): value is Record<string, Record<string, unknown>[]> {
  return (
    isPlainObject(value) &&
    Object.values(value).every(
      (entries) =>
        Array.isArray(entries) &&
        entries.every((entry) => isPlainObject(entry) && ('content' in entry || 'for_each' in entry)),
    )
  );
}

/** Evaluates a block body into `out`: attributes, nested blocks (lists of objects) and `dynamic` blocks. */
export function evaluateBlockInto(
  body: Record<string, unknown>,
  ctx: EvalContext,
  out: Record<string, unknown>,
  skip?: ReadonlySet<string>,
): void {
  for (const [key, raw] of Object.entries(body)) {
    if (skip?.has(key)) continue;
    if (key === 'dynamic' && isDynamicSpec(raw)) {
      expandDynamic(raw, ctx, out);
      continue;
    }
    const value = evaluateNested(raw, ctx);
    const existing = out[key];
    out[key] = Array.isArray(existing) && Array.isArray(value) ? [...value, ...existing] : value;
  }
}

function evaluateNested(raw: unknown, ctx: EvalContext): unknown {
  if (Array.isArray(raw)) return raw.map((item) => evaluateNested(item, ctx));
  if (isPlainObject(raw) && Object.keys(raw).some((key) => key === 'dynamic' || key.startsWith('${'))) {
    if (Object.keys(raw).some((key) => key.startsWith('${'))) return evaluateValue(raw, ctx);
    const out: Record<string, unknown> = {};
    evaluateBlockInto(raw, ctx, out);
    return out;
  }
  if (isPlainObject(raw)) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) out[key] = evaluateNested(value, ctx);
    return out;
  }
  return evaluateValue(raw, ctx);
}

/** `dynamic "grant" { for_each = …; content { … } }` → one `grant` block per element, when static. */
function expandDynamic(
  spec: Record<string, Record<string, unknown>[]>,
  ctx: EvalContext,
  out: Record<string, unknown>,
): void {
  for (const [blockName, entries] of Object.entries(spec)) {
    for (const entry of entries) {
      const iterator =
        typeof entry.iterator === 'string' ? entry.iterator.replace(/^\$\{|\}$/g, '').trim() : blockName;
      const forEach = evaluateValue(entry.for_each, ctx);
      const contentRaw = Array.isArray(entry.content) ? entry.content[0] : entry.content;
      const content = isPlainObject(contentRaw) ? contentRaw : {};
      if (isUnresolved(forEach)) {
        out[blockName] = unknownFrom([forEach], `dynamic "${blockName}": for_each is not known statically`);
        continue;
      }
      let items: [unknown, unknown][];
      if (Array.isArray(forEach)) items = forEach.map((value, index) => [index, value]);
      else if (isPlainObject(forEach))
        items = Object.keys(forEach)
          .sort()
          .map((key) => [key, forEach[key]]);
      else {
        out[blockName] = unknown(`dynamic "${blockName}": for_each must be a list, set or map`);
        continue;
      }
      const existing = out[blockName];
      const blocks: unknown[] = Array.isArray(existing) ? existing : [];
      for (const [key, value] of items) {
        const block: Record<string, unknown> = {};
        evaluateBlockInto(content, withVars(ctx, { [iterator]: { key, value } }), block);
        blocks.push(block);
      }
      out[blockName] = blocks;
    }
  }
}
