import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadCatalog } from '@safeguard/catalog';
import {
  allRules,
  type Baseline,
  baselineOf,
  ConfigError,
  exitCodeOf,
  fileErrorReason,
  isReportFormat,
  loadConfig,
  parseBaseline,
  REPORT_EXTENSIONS,
  REPORT_FORMATS,
  type ReportFormat,
  render,
  renderChunks,
  type SafeguardConfig,
  type ScanResult,
  SEVERITIES,
  type Severity,
  scan,
} from '@safeguard/engine';
import { keyValues, parseCommandArgs } from '../args.js';
import { type CliIo, UsageError } from '../io.js';

export const SCAN_OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o', multiple: true },
  'fail-on': { type: 'string' },
  param: { type: 'string', short: 'p', multiple: true },
  var: { type: 'string', multiple: true },
  'var-file': { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  baseline: { type: 'string' },
  'no-color': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  debug: { type: 'boolean' },
} as const;

export const DEFAULT_CONFIG_FILE = '.safeguard.yml';

/** The config named by `--config`, else `.safeguard.yml` in the working directory when present. */
export function resolveConfig(io: CliIo, explicit: string | undefined): SafeguardConfig | undefined {
  const path =
    explicit ?? (existsSync(resolve(io.cwd, DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
  if (!path) return undefined;
  try {
    return loadConfig(resolve(io.cwd, path));
  } catch (error) {
    if (error instanceof ConfigError)
      throw new UsageError(error.message.replace(resolve(io.cwd, path), path));
    throw error;
  }
}

function readBaseline(io: CliIo, path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    const reason = fileErrorReason(error);
    throw new UsageError(
      reason === 'file not found'
        ? `--baseline ${path}: file not found (create one with \`safeguard baseline <paths> --output ${path}\`)`
        : `--baseline ${path}: ${reason}`,
    );
  }
  try {
    return parseBaseline(path, text);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function failOnOf(value: string | undefined): Severity | 'none' | undefined {
  if (value === undefined) return undefined;
  if (value === 'none' || (SEVERITIES as readonly string[]).includes(value))
    return value as Severity | 'none';
  throw new UsageError(`--fail-on must be one of ${[...SEVERITIES, 'none'].join(', ')}; got "${value}"`);
}

/** Runs a scan from parsed flags; shared by `scan` and `baseline`. */
export async function runScan(
  io: CliIo,
  command: string,
  values: {
    param?: string[];
    var?: string[];
    'var-file'?: string[];
    config?: string;
    baseline?: string;
    'fail-on'?: string;
  },
  positionals: string[],
): Promise<ScanResult> {
  if (positionals.length === 0) {
    throw new UsageError(
      `${command}: name at least one template, cdk.out folder or folder to scan (e.g. \`safeguard ${command} cdk.out\`)`,
    );
  }
  const config = resolveConfig(io, values.config);
  // A disabled id that matches no rule is almost always a typo that leaves the intended rule running.
  const ruleIds = new Set(allRules.map((rule) => rule.id));
  for (const id of config?.rules?.disabled ?? []) {
    if (!ruleIds.has(id))
      throw new UsageError(`config: rules.disabled names unknown rule "${id}" (see \`safeguard rules\`)`);
  }
  const baselinePath = values.baseline ?? config?.baseline;
  const result = await scan({
    paths: positionals,
    config,
    parameters: keyValues('--param', values.param),
    variables: keyValues('--var', values.var),
    varFiles: (values['var-file'] ?? []).map((file) => {
      if (!existsSync(resolve(io.cwd, file))) throw new UsageError(`--var-file ${file}: file not found`);
      return file;
    }),
    failOn: failOnOf(values['fail-on']),
    baseline: baselinePath ? readBaseline(io, baselinePath) : undefined,
    cwd: io.cwd,
  });
  return result;
}

/**
 * Pairs each `--output` with the `--format` just before it (`-f json -o r.json -f terminal`); an `--output`
 * with no format before it takes the format its extension names (`-o report.sarif`). Formats left without a
 * file go to standard output, at most one.
 */
function outputPlan(
  tokens: readonly { kind: string; name?: string; value?: string }[],
): { format: ReportFormat; output?: string }[] {
  const plan: { format: ReportFormat; output?: string }[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'format') {
      if (!isReportFormat(token.value)) {
        throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}; got "${token.value}"`);
      }
      plan.push({ format: token.value });
    } else if (token.name === 'output') {
      const last = plan[plan.length - 1];
      if (last && last.output === undefined) {
        last.output = token.value;
        continue;
      }
      const extension = token.value.slice(token.value.lastIndexOf('.'));
      const inferred = (Object.entries(REPORT_EXTENSIONS) as [ReportFormat, string][]).find(
        ([, ext]) => ext === extension,
      )?.[0];
      if (!inferred) {
        throw new UsageError(
          `--output ${token.value}: put --format <fmt> before it (the extension "${extension}" names no format)`,
        );
      }
      plan.push({ format: inferred, output: token.value });
    }
  }
  if (plan.length === 0) plan.push({ format: 'terminal' });
  const toStdout = plan.filter((entry) => entry.output === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(
      `only one format can go to standard output; give --output after: ${toStdout
        .slice(1)
        .map((entry) => entry.format)
        .join(', ')}`,
    );
  }
  return plan;
}

export async function scanCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals, tokens } = parseCommandArgs('scan', args, SCAN_OPTIONS);
  const plan = outputPlan(tokens);
  const result = await runScan(io, 'scan', values, positionals);
  const catalog = loadCatalog();
  const color = !values['no-color'] && !io.env.NO_COLOR && Boolean(io.stdout.isTTY);
  plan.forEach(({ format, output }) => {
    if (output) {
      const path = resolve(io.cwd, output);
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeChunks(path, renderChunks(format, result, catalog, { color: false }));
      } catch (error) {
        throw new UsageError(
          `--output ${output}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        );
      }
      if (!values.quiet) io.stderr.write(`wrote ${format} report to ${output}\n`);
    } else {
      const text = render(format, result, catalog, { color });
      io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    }
  });
  const code = exitCodeOf(result);
  if (!values.quiet && plan.every((entry) => entry.output !== undefined)) {
    io.stderr.write(
      `${result.model.resources.length} resources, ${result.findings.filter((f) => !f.suppressed).length} findings, ${result.errors.length} input errors in ${Math.round(result.durationMs)} ms; exit ${code}\n`,
    );
  }
  return code;
}

export async function baselineCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('baseline', args, {
    output: { type: 'string', short: 'o' },
    param: { type: 'string', short: 'p', multiple: true },
    var: { type: 'string', multiple: true },
    'var-file': { type: 'string', multiple: true },
    config: { type: 'string', short: 'c' },
    debug: { type: 'boolean' },
  });
  const result = await runScan(io, 'baseline', { ...values, baseline: undefined }, positionals);
  const output = values.output ?? '.safeguard-baseline.json';
  const baseline = baselineOf(result.findings, new Date());
  writeFileSync(resolve(io.cwd, output), `${JSON.stringify(baseline, null, 2)}\n`);
  io.stdout.write(
    `wrote ${baseline.findings.length} findings to ${output}; scan with --baseline ${output} to fail only on new findings\n`,
  );
  if (result.errors.length > 0) {
    for (const error of result.errors)
      io.stderr.write(`${error.file}${error.line ? `:${error.line}` : ''}: ${error.message}\n`);
    return 3;
  }
  return 0;
}

/** Writes a report piece by piece (a large JSON report is never one string). */
function writeChunks(path: string, chunks: Iterable<string | Uint8Array>): void {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      // writeSync may write less than asked (it does not for regular files, but a path may be a pipe).
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
    }
  } finally {
    closeSync(fd);
  }
}
