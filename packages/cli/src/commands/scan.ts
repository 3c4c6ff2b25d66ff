import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadCatalog } from '@safeguard/catalog';
import {
  allRules,
  type Baseline,
  baselineOf,
  ConfigError,
  exitCodeOf,
  loadConfig,
  parseBaseline,
  REPORT_FORMATS,
  type ReportFormat,
  render,
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
  } catch {
    throw new UsageError(
      `--baseline ${path}: file not found (create one with \`safeguard baseline <paths> --output ${path}\`)`,
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
  values: { param?: string[]; config?: string; baseline?: string; 'fail-on'?: string },
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
    failOn: failOnOf(values['fail-on']),
    baseline: baselinePath ? readBaseline(io, baselinePath) : undefined,
    cwd: io.cwd,
  });
  return result;
}

export async function scanCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('scan', args, SCAN_OPTIONS);
  const formats = (values.format ?? ['terminal']).map((format) => {
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}; got "${format}"`);
    }
    return format as ReportFormat;
  });
  const outputs = values.output ?? [];
  if (outputs.length > formats.length) {
    throw new UsageError(
      `--output given ${outputs.length} times for ${formats.length} --format; pair each --output with a --format`,
    );
  }
  const toStdout = formats.slice(outputs.length);
  if (toStdout.length > 1) {
    throw new UsageError(
      `only one format can go to standard output; give --output for: ${toStdout.slice(1).join(', ')}`,
    );
  }
  const result = await runScan(io, 'scan', values, positionals);
  const catalog = loadCatalog();
  const color = !values['no-color'] && !io.env.NO_COLOR && Boolean(io.stdout.isTTY);
  formats.forEach((format, index) => {
    const output = outputs[index];
    const text = render(format, result, catalog, { color: output ? false : color });
    if (output) {
      const path = resolve(io.cwd, output);
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      } catch (error) {
        throw new UsageError(
          `--output ${output}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        );
      }
      if (!values.quiet) io.stderr.write(`wrote ${format} report to ${output}\n`);
    } else {
      io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    }
  });
  const code = exitCodeOf(result);
  if (!values.quiet && outputs.length === formats.length) {
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
