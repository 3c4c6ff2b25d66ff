import type { SafeguardConfig } from './config.js';
import { computeBoundary } from './evaluate/boundary.js';
import { evaluateRules } from './evaluate/evaluate.js';
import type { ScanResult } from './evaluate/result.js';
import { applySuppressions, type Baseline } from './evaluate/suppress.js';
import { loadInputs } from './inputs.js';
import { createModel } from './model/build.js';
import { allRules } from './rules/index.js';
import type { AnyRule, Severity } from './rules/rule.js';
import { VERSION } from './version.js';

export interface ScanOptions {
  readonly paths: readonly string[];
  readonly config?: SafeguardConfig;
  /** `--param` values; they override the config's `parameters`. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Terraform `--var name=value` values and `--var-file` files. */
  readonly variables?: Readonly<Record<string, string>>;
  readonly varFiles?: readonly string[];
  readonly failOn?: Severity | 'none';
  readonly baseline?: Baseline;
  /** The rule set (default: every rule); disabled rules of the config are removed from it. */
  readonly rules?: readonly AnyRule[];
  readonly now?: Date;
  readonly cwd?: string;
}

/** Reads the inputs, builds one model, computes the PHI boundary, runs the rules and applies suppressions. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const config = options.config ?? {};
  const pseudo: Record<string, string> = {};
  if (config.region) pseudo['AWS::Region'] = config.region;
  if (config.account) pseudo['AWS::AccountId'] = config.account;
  const loaded = await loadInputs(options.paths, {
    parameters: { ...(config.parameters ?? {}), ...(options.parameters ?? {}) },
    pseudo,
    variables: options.variables,
    varFiles: options.varFiles,
    cwd: options.cwd,
  });
  const disabled = new Set(config.rules?.disabled ?? []);
  const rules = (options.rules ?? allRules).filter((rule) => !disabled.has(rule.id));
  const boundary = computeBoundary(loaded, config.boundary ?? {});
  const raw = evaluateRules(loaded, rules, boundary);
  const suppressed = applySuppressions(raw, {
    model: loaded,
    config: config.suppressions ?? [],
    baseline: options.baseline,
    now,
  });
  const model =
    suppressed.errors.length > 0
      ? createModel([...loaded.resources], [...loaded.errors, ...suppressed.errors], [...loaded.inputs])
      : loaded;
  return {
    tool: { name: 'safeguard', version: VERSION },
    findings: suppressed.findings,
    errors: model.errors,
    rules,
    model,
    boundary,
    failOn: options.failOn ?? (config.failOn as Severity | 'none' | undefined) ?? 'high',
    startedAt: now.toISOString(),
    durationMs: performance.now() - started,
  };
}
