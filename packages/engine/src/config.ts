import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { z } from 'zod';

/** `.safeguard.yml`: the project's scan settings (R-ENG-6). */
const dateString = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: 'must be a date written YYYY-MM-DD',
  });

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
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String))
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
          z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v])),
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
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: invalid YAML: ${error.message.split('\n')[0]}`);
  }
  const value = document.toJS() ?? {};
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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `${file}: ${code === 'ENOENT' ? 'config file not found' : `cannot read config file (${code})`}`,
    );
  }
  return parseConfig(file, text);
}
