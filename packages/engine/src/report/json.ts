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
 * `JSON.stringify(jsonReportOf(result, catalog), null, 2)`, written without building that value.
 */
export function renderJson(result: ScanResult, catalog: CatalogView): string {
  return Buffer.concat([...renderJsonChunks(result, catalog)]).toString('utf8');
}

/**
 * The JSON report as UTF-8 pieces of about a megabyte, so a large report (60,000 findings are ~80 MB) is
 * written without ever holding its whole text. Most of a finding's text is its controls block, which depends
 * only on its controls and is encoded once per distinct set, then copied; so is the head of each rule's findings.
 */
export function* renderJsonChunks(result: ScanResult, catalog: CatalogView): Generator<Uint8Array> {
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
    yield Buffer.from(`${head}\n`);
    return;
  }
  const marker = '"findings": []';
  const at = head.indexOf(marker);
  const sink = new ByteSink();
  sink.text(`${head.slice(0, at)}"findings": [\n`);
  // Keyed by identity first: every finding of a rule shares the rule's controls array.
  const heads = new Map<string, Uint8Array>();
  const controlsBy = new Map<readonly string[], Uint8Array>();
  const controlsByText = new Map<string, Uint8Array>();
  // A resource's findings share its `resource` and `location` objects (evaluateRules): encoded once each.
  const wheres = new Map<Finding['resource'], { location: Finding['location']; bytes: Uint8Array }>();
  let first = true;
  for (const finding of result.findings) {
    if (!first) sink.text(',\n');
    first = false;
    const headKey = `${finding.ruleId}\u0000${finding.status}\u0000${finding.title}\u0000${finding.severity}`;
    let headBytes = heads.get(headKey);
    if (headBytes === undefined) {
      headBytes = Buffer.from(findingHead(finding));
      heads.set(headKey, headBytes);
    }
    sink.bytes(headBytes);
    sink.text(`${q(finding.message)},\n`);
    let where = wheres.get(finding.resource);
    if (where === undefined || where.location !== finding.location) {
      where = { location: finding.location, bytes: Buffer.from(findingWhere(finding)) };
      wheres.set(finding.resource, where);
    }
    sink.bytes(where.bytes);
    let controls = controlsBy.get(finding.controls);
    if (controls === undefined) {
      const text = indent(JSON.stringify(jsonFinding(finding, catalog).controls, null, 2), '      ');
      controls = controlsByText.get(text) ?? Buffer.from(text);
      controlsByText.set(text, controls);
      controlsBy.set(finding.controls, controls);
    }
    sink.bytes(controls);
    if (finding.suppression) sink.text(findingTail(finding));
    else sink.bytes(finding.suppressed ? SUPPRESSED_TAIL : UNSUPPRESSED_TAIL);
    yield* sink.full();
  }
  sink.text(`\n  ]${head.slice(at + marker.length)}\n`);
  yield* sink.end();
}

/** Collects UTF-8 into one-megabyte buffers and hands each out when full. */
class ByteSink {
  private static readonly SIZE = 1 << 20;
  private buffer = Buffer.allocUnsafe(ByteSink.SIZE);
  private used = 0;
  private done: Uint8Array[] = [];

  text(text: string): void {
    // At most 3 bytes per UTF-16 unit: room for the worst case, else start a new buffer (or a dedicated one).
    if (this.used + text.length * 3 > this.buffer.length) this.rotate(text.length * 3);
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  bytes(bytes: Uint8Array): void {
    if (this.used + bytes.length > this.buffer.length) this.rotate(bytes.length);
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** Buffers that are complete (each yielded once). */
  *full(): Generator<Uint8Array> {
    if (this.done.length === 0) return;
    const done = this.done;
    this.done = [];
    yield* done;
  }

  *end(): Generator<Uint8Array> {
    this.rotate(0);
    yield* this.full();
  }

  private rotate(need: number): void {
    if (this.used > 0) this.done.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(Math.max(ByteSink.SIZE, need));
    this.used = 0;
  }
}

const q = JSON.stringify;

function indent(text: string, by: string): string {
  return text.replaceAll('\n', `\n${by}`);
}

/** A finding at depth 2 (inside `findings`), keys in the contract's order (as `jsonFinding` builds them). */
function findingHead(finding: Finding): string {
  return `    {
      "ruleId": ${q(finding.ruleId)},
      "title": ${q(finding.title)},
      "severity": ${q(finding.severity)},
      "status": ${q(finding.status)},
      "message": `;
}

/** From the resource to the controls key; the message before it is written on its own. */
function findingWhere(finding: Finding): string {
  const { resource, location } = finding;
  return `      "resource": {
        "id": ${q(resource.id)},
        "type": ${q(resource.type)},
        "kind": ${q(resource.kind)}${resource.path === undefined ? '' : `,\n        "path": ${q(resource.path)}`}
      },
      "location": {
        "file": ${q(location.file)}${location.line === undefined ? '' : `,\n        "line": ${q(location.line)}`}
      },
      "controls": `;
}

function findingTail(finding: Pick<Finding, 'suppressed' | 'suppression'>): string {
  let text = `,
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

const SUPPRESSED_TAIL = Buffer.from(findingTail({ suppressed: true }));
const UNSUPPRESSED_TAIL = Buffer.from(findingTail({ suppressed: false }));
