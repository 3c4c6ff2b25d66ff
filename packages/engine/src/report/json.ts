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
    errors: errorsOf(result),
    summary: summarize(result, catalog),
  };
}

function errorsOf(result: ScanResult): JsonReport['errors'] {
  return result.errors.map((error) =>
    error.line === undefined
      ? { file: error.file, message: error.message }
      : { file: error.file, line: error.line, message: error.message },
  );
}

/**
 * The JSON report: pretty-printed, deterministic key order, trailing newline — exactly the text of
 * `JSON.stringify(jsonReportOf(result, catalog), null, 2)`, written without building that value: findings are
 * most of a large report, and the controls block of a finding (most of its text) depends only on its controls,
 * so it is serialized once per distinct set and reused.
 */
export function renderJson(result: ScanResult, catalog: CatalogView): string {
  return [...renderJsonChunks(result, catalog)].join('');
}

/**
 * The JSON report as successive pieces of text (a few thousand findings each), so a large report is written
 * without ever holding its whole text: 60,000 findings are ~80 MB.
 */
export function* renderJsonChunks(result: ScanResult, catalog: CatalogView): Generator<string> {
  const head = JSON.stringify(
    {
      tool: { name: result.tool.name, version: result.tool.version },
      findings: [],
      errors: errorsOf(result),
      summary: summarize(result, catalog),
    },
    null,
    2,
  );
  if (result.findings.length === 0) {
    yield `${head}\n`;
    return;
  }
  const marker = '"findings": []';
  const at = head.indexOf(marker);
  yield `${head.slice(0, at)}"findings": [\n`;
  const controlsText = new Map<string, string>();
  const findings = result.findings;
  for (let start = 0; start < findings.length; start += CHUNK_FINDINGS) {
    const parts: string[] = [];
    for (const finding of findings.slice(start, start + CHUNK_FINDINGS)) {
      const key = finding.controls.join('\u0000');
      let controls = controlsText.get(key);
      if (controls === undefined) {
        controls = indent(JSON.stringify(jsonFinding(finding, catalog).controls, null, 2), '      ');
        controlsText.set(key, controls);
      }
      parts.push(findingText(finding, controls));
    }
    yield `${start === 0 ? '' : ',\n'}${parts.join(',\n')}`;
  }
  yield `\n  ]${head.slice(at + marker.length)}\n`;
}

const CHUNK_FINDINGS = 2000;

const q = JSON.stringify;

function indent(text: string, by: string): string {
  return text.replaceAll('\n', `\n${by}`);
}

/** One finding at depth 2 (inside `findings`), keys in the contract's order (as `jsonFinding` builds them). */
function findingText(finding: Finding, controls: string): string {
  const { resource, location } = finding;
  let text = `    {
      "ruleId": ${q(finding.ruleId)},
      "title": ${q(finding.title)},
      "severity": ${q(finding.severity)},
      "status": ${q(finding.status)},
      "message": ${q(finding.message)},
      "resource": {
        "id": ${q(resource.id)},
        "type": ${q(resource.type)},
        "kind": ${q(resource.kind)}${resource.path === undefined ? '' : `,\n        "path": ${q(resource.path)}`}
      },
      "location": {
        "file": ${q(location.file)}${location.line === undefined ? '' : `,\n        "line": ${q(location.line)}`}
      },
      "controls": ${controls},
      "suppressed": ${q(finding.suppressed)}`;
  if (finding.suppression) {
    const { reason, expires, origin, expired } = finding.suppression;
    text += `,
      "suppression": {
        "reason": ${q(reason)},${expires === undefined ? '' : `\n        "expires": ${q(expires)},`}
        "origin": ${q(origin)},
        "expired": ${q(expired)}
      }`;
  }
  return `${text}\n    }`;
}
