import type { Finding } from '../evaluate/finding.js';
import type { ScanResult } from '../evaluate/result.js';
import type { Severity } from '../rules/rule.js';
import { type CatalogView, type ControlView, controlsOf, type ReportSummary, summarize } from './summary.js';

/**
 * The JSON report contract (docs/output-formats.md). Other tools read it: keys are only ever added, never
 * renamed or removed, and always written in this order.
 */
export interface JsonReport {
  readonly tool: { readonly name: 'safeguard'; readonly version: string };
  readonly findings: readonly JsonFinding[];
  readonly errors: readonly { readonly file: string; readonly line?: number; readonly message: string }[];
  readonly summary: ReportSummary;
}

export interface JsonFinding {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  /** Additive: `unknown` when compliance could not be proven before deploy. */
  readonly status: 'fail' | 'unknown';
  readonly message: string;
  readonly resource: {
    readonly id: string;
    readonly type: string;
    readonly kind: string;
    readonly path?: string;
  };
  readonly location: { readonly file: string; readonly line?: number };
  readonly controls: readonly ControlView[];
  readonly suppressed: boolean;
  readonly suppression?: {
    readonly reason: string;
    readonly expires?: string;
    readonly origin: 'inline' | 'config' | 'baseline';
    readonly expired: boolean;
  };
}

function jsonFinding(finding: Finding, catalog: CatalogView): JsonFinding {
  // Built key by key so the order is the contract's, whatever order the finding was built in.
  const resource: { id: string; type: string; kind: string; path?: string } = {
    id: finding.resource.id,
    type: finding.resource.type,
    kind: finding.resource.kind,
  };
  if (finding.resource.path !== undefined) resource.path = finding.resource.path;
  const location: { file: string; line?: number } = { file: finding.location.file };
  if (finding.location.line !== undefined) location.line = finding.location.line;
  const out: { -readonly [K in keyof JsonFinding]: JsonFinding[K] } = {
    ruleId: finding.ruleId,
    title: finding.title,
    severity: finding.severity,
    status: finding.status,
    message: finding.message,
    resource,
    location,
    controls: controlsOf(finding, catalog).map((control) => ({
      id: control.id,
      title: control.title,
      citations: {
        hipaa: control.citations.hipaa,
        soc2: control.citations.soc2,
        gdpr: control.citations.gdpr,
        hitrust: control.citations.hitrust,
      },
    })),
    suppressed: finding.suppressed,
  };
  if (finding.suppression) {
    const { reason, expires, origin, expired } = finding.suppression;
    out.suppression =
      expires === undefined ? { reason, origin, expired } : { reason, expires, origin, expired };
  }
  return out;
}

/** The report as a value (for callers that post-process it without parsing text). */
export function jsonReportOf(result: ScanResult, catalog: CatalogView): JsonReport {
  return {
    tool: { name: result.tool.name, version: result.tool.version },
    findings: result.findings.map((finding) => jsonFinding(finding, catalog)),
    errors: result.errors.map((error) =>
      error.line === undefined
        ? { file: error.file, message: error.message }
        : { file: error.file, line: error.line, message: error.message },
    ),
    summary: summarize(result, catalog),
  };
}

/** The JSON report: pretty-printed, deterministic key order, trailing newline. */
export function renderJson(result: ScanResult, catalog: CatalogView): string {
  return `${JSON.stringify(jsonReportOf(result, catalog), null, 2)}\n`;
}
