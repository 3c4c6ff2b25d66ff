import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { z } from 'zod';
import { readInputText } from './adapters/input-text.js';
import { firstDuplicateKey } from './adapters/yaml-duplicates.js';

const DATE_MESSAGE = 'must be a date written YYYY-MM-DD';

/** A real calendar date: `Date.parse('2026-02-30')` is March 2nd, not an error. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** `.safeguard.yml`: the project's scan settings (R-ENG-6). */
const dateString = z
  .union([z.string(), z.date()], { error: DATE_MESSAGE })
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .refine(isCalendarDate, { message: DATE_MESSAGE });

const suppressionSchema = z.strictObject({
  rule: z.string().min(1, 'names the rule id to suppress'),
  resource: z.string().min(1).default('*').describe('logical id, Terraform address or a glob (* and ?)'),
  file: z.string().min(1).optional(),
  reason: z.string().trim().min(8, 'a reason of at least 8 characters is required'),
  expires: dateString.optional(),
});

export const configSchema = z.strictObject({
  failOn: z.enum(['critical', 'high', 'medium', 'low', 'none']).optional(),
  parameters: z
    .record(
      z.string(),
      z
        .union([z.string(), z.number(), z.boolean()], { error: 'must be a string, number or boolean' })
        .transform(String),
    )
    .optional(),
  region: z.string().optional(),
  account: z.string().optional(),
  rules: z.strictObject({ disabled: z.array(z.string()).default([]) }).optional(),
  suppressions: z.array(suppressionSchema).optional(),
  boundary: z
    .strictObject({
      tags: z
        .record(
          z.string(),
          z
            .union([z.string(), z.array(z.string())], { error: 'must be a string or a list of strings' })
            .transform((v) => (Array.isArray(v) ? v : [v])),
        )
        .optional(),
      resources: z.array(z.string()).optional(),
      stacks: z.array(z.string()).optional(),
    })
    .optional(),
  baseline: z.string().optional(),
});

export type SafeguardConfig = z.infer<typeof configSchema>;
export type ConfigSuppression = z.infer<typeof suppressionSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function lineOfPath(
  root: Node | null,
  path: readonly PropertyKey[],
  counter: LineCounter,
): number | undefined {
  let node: unknown = root;
  let line: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown })?.value === key);
      if (!pair) break;
      const range = (pair.key as Node | undefined)?.range;
      if (range) line = counter.linePos(range[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      const range = (node as Node | undefined)?.range;
      if (range) line = counter.linePos(range[0]).line;
    } else break;
  }
  return line;
}

/** Parses and validates a config file's text; errors name the file, line and field. */
export function parseConfig(file: string, text: string): SafeguardConfig {
  if (text.includes('\u0000')) throw new ConfigError(`${file}: not a text file (binary content: a NUL byte)`);
  const counter = new LineCounter();
  // Duplicate keys are found by one pass (the `yaml` package's own check is quadratic in the keys).
  const document = parseDocument(text, { lineCounter: counter, uniqueKeys: false, prettyErrors: false });
  const error = document.errors[0];
  const at = (line: number | undefined) => `${file}${line ? `:${line}` : ''}`;
  if (error) {
    const line = error.linePos?.[0]?.line ?? (error.pos ? counter.linePos(error.pos[0]).line : undefined);
    const reason = /call stack/i.test(error.message) ? 'nested too deeply' : error.message.split('\n')[0];
    throw new ConfigError(`${at(line)}: invalid YAML: ${reason}`);
  }
  let value: unknown;
  try {
    const duplicate = firstDuplicateKey(document);
    if (duplicate) {
      const line = duplicate.offset === undefined ? undefined : counter.linePos(duplicate.offset).line;
      throw new ConfigError(`${at(line)}: invalid YAML: duplicate key "${duplicate.key}" in a mapping`);
    }
    // Settings are data: no aliases expanding into billions of nodes.
    value = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (caught) {
    if (caught instanceof ConfigError) throw caught;
    const message = caught instanceof Error ? caught.message : String(caught);
    throw new ConfigError(
      `${file}: invalid YAML: ${
        /Excessive alias count/.test(message)
          ? 'aliases expand to too many nodes'
          : /call stack/i.test(message)
            ? 'nested too deeply'
            : message.split('\n')[0]
      }`,
    );
  }
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const line = lineOfPath(document.contents, path, counter);
    const field =
      path.length > 0
        ? path
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
            .join('')
            .slice(1)
        : '(top level)';
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: ${field}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export function loadConfig(file: string): SafeguardConfig {
  const read = readInputText(file);
  if ('reason' in read)
    throw new ConfigError(
      `${file}: ${read.reason === 'file not found' ? 'config file not found' : `cannot read config file: ${read.reason}`}`,
    );
  return parseConfig(file, read.text);
}
