import { jsonErrorOf } from '../adapters/input-text.js';
import type { ConfigSuppression } from '../config.js';
import type { InputError, Model } from '../model/resource.js';
import type { Finding, SuppressionState } from './finding.js';

/** A baseline: fingerprints of findings accepted when a team adopts the gate on a legacy estate (R-ENG-6). */
export interface Baseline {
  readonly version: 1;
  readonly created: string;
  readonly findings: readonly {
    readonly fingerprint: string;
    readonly ruleId: string;
    readonly resource: string;
    readonly file: string;
  }[];
}

export function baselineOf(findings: readonly Finding[], now: Date): Baseline {
  const active = findings.filter((finding) => !finding.suppressed);
  return {
    version: 1,
    created: now.toISOString(),
    findings: active
      .map((finding) => ({
        fingerprint: finding.fingerprint,
        ruleId: finding.ruleId,
        resource: finding.resource.id,
        file: finding.location.file,
      }))
      .sort((a, b) => a.fingerprint.localeCompare(b.fingerprint)),
  };
}

export function parseBaseline(file: string, text: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Line and reason, never a quote of the file's bytes.
    const { line, message } = jsonErrorOf(text, error);
    throw new Error(
      `${file}${line === undefined ? '' : `:${line}`}: baseline is not valid JSON (${message})`,
    );
  }
  const record = value as Partial<Baseline>;
  if (
    typeof value !== 'object' ||
    value === null ||
    record.version !== 1 ||
    !Array.isArray(record.findings)
  ) {
    throw new Error(
      `${file}: not a Safeguard baseline (expected { "version": 1, "findings": [...] }; write one with \`safeguard baseline\`)`,
    );
  }
  for (const [index, entry] of record.findings.entries()) {
    if (typeof entry?.fingerprint !== 'string')
      throw new Error(`${file}: findings[${index}].fingerprint must be a string`);
  }
  return record as Baseline;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/** True when the suppression's date is past: it no longer applies (expires at the end of that day, UTC). */
function isExpired(expires: string | undefined, now: Date): boolean {
  if (!expires) return false;
  return Date.parse(`${expires}T23:59:59.999Z`) < now.getTime();
}

export interface SuppressionInput {
  readonly model: Model;
  readonly config: readonly ConfigSuppression[];
  readonly baseline?: Baseline;
  readonly now: Date;
}

/**
 * Marks findings suppressed by inline suppressions (template Metadata / Terraform comments), config
 * suppressions and the baseline. A suppression needs a reason; one without is ignored and reported.
 * An expired one no longer suppresses: the finding counts again and carries `expired: true`.
 */
export function applySuppressions(
  findings: readonly Finding[],
  input: SuppressionInput,
): { findings: Finding[]; errors: InputError[] } {
  const errors: InputError[] = [];
  const reported = new Set<string>();
  const configMatchers = input.config.map((entry) => ({
    entry,
    resource: globToRegExp(entry.resource),
    file: entry.file ? globToRegExp(entry.file) : undefined,
  }));
  const baseline = new Set(input.baseline?.findings.map((entry) => entry.fingerprint) ?? []);
  // Inline suppressions are validated once per resource, whether or not a finding meets them.
  for (const resource of input.model.resources) {
    for (const suppression of resource.inlineSuppressions) {
      const key = `${suppression.file}:${suppression.line}:${suppression.rule}`;
      if (reported.has(key)) continue;
      const where = `${resource.source.nativeId}`;
      let problem: string | undefined;
      if (!suppression.rule) problem = `suppression on ${where} names no rule`;
      else if (!suppression.reason || suppression.reason.trim().length < 8) {
        problem = `suppression of ${suppression.rule} on ${where} has no reason (a reason of at least 8 characters is required); ignored`;
      } else if (suppression.expires && !/^\d{4}-\d{2}-\d{2}$/.test(suppression.expires)) {
        problem = `suppression of ${suppression.rule} on ${where}: expires must be YYYY-MM-DD, found "${suppression.expires}"; ignored`;
      }
      if (problem) {
        reported.add(key);
        errors.push({ file: suppression.file, line: suppression.line, message: problem });
      }
    }
  }
  const out = findings.map((finding): Finding => {
    const resource = input.model.get(finding.resource.modelId);
    let state: SuppressionState | undefined;
    const inline = resource?.inlineSuppressions.find(
      (s) =>
        s.rule === finding.ruleId &&
        s.reason &&
        s.reason.trim().length >= 8 &&
        (!s.expires || /^\d{4}-\d{2}-\d{2}$/.test(s.expires)),
    );
    if (inline?.reason) {
      state = {
        reason: inline.reason,
        expires: inline.expires,
        origin: 'inline',
        expired: isExpired(inline.expires, input.now),
      };
    }
    if (!state || state.expired) {
      const match = configMatchers.find(
        (m) =>
          (m.entry.rule === finding.ruleId || m.entry.rule === '*') &&
          m.resource.test(finding.resource.id) &&
          (!m.file || m.file.test(finding.location.file)),
      );
      if (match) {
        const candidate: SuppressionState = {
          reason: match.entry.reason,
          expires: match.entry.expires,
          origin: 'config',
          expired: isExpired(match.entry.expires, input.now),
        };
        if (!state || !candidate.expired) state = candidate;
      }
    }
    if ((!state || state.expired) && baseline.has(finding.fingerprint)) {
      state = { reason: 'accepted in the baseline', origin: 'baseline', expired: false };
    }
    return state ? { ...finding, suppressed: !state.expired, suppression: state } : finding;
  });
  return { findings: out, errors };
}
