import type { InputError, Model } from '../model/resource.js';
import type { AnyRule, PhiBoundary, Severity } from '../rules/rule.js';
import type { Finding } from './finding.js';

/** Everything a reporter needs; reporters are pure functions of it (and the catalog). */
export interface ScanResult {
  readonly tool: { readonly name: 'safeguard'; readonly version: string };
  /** Every finding, suppressed ones included (reporters show or count them as suppressed). */
  readonly findings: readonly Finding[];
  /** Inputs that could not be read or parsed, and template problems (R-ENG-8). */
  readonly errors: readonly InputError[];
  /** The rules that ran (enabled rules). */
  readonly rules: readonly AnyRule[];
  readonly model: Model;
  readonly boundary: PhiBoundary;
  /** The `--fail-on` threshold the gate applied. */
  readonly failOn: Severity | 'none';
  readonly startedAt: string;
  readonly durationMs: number;
}

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

/** Findings that count: not suppressed (an expired suppression no longer suppresses). */
export function activeFindings(result: Pick<ScanResult, 'findings'>): Finding[] {
  return result.findings.filter((finding) => !finding.suppressed);
}

/**
 * The CI gate (R-ENG-5): 3 when any input could not be read (the scan is incomplete, even if findings
 * exist), 1 when an unsuppressed finding is at or above the threshold, 0 otherwise. (2 is for usage errors,
 * decided by the CLI before a scan.)
 */
export function exitCodeOf(result: Pick<ScanResult, 'findings' | 'errors' | 'failOn'>): 0 | 1 | 3 {
  if (result.errors.length > 0) return 3;
  if (result.failOn === 'none') return 0;
  const threshold = result.failOn;
  return activeFindings(result).some((finding) => severityAtLeast(finding.severity, threshold)) ? 1 : 0;
}
