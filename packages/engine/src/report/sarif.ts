import { FRAMEWORK_IDS } from '@safeguard/catalog';
import type { Finding } from '../evaluate/finding.js';
import type { ScanResult } from '../evaluate/result.js';
import type { InputError } from '../model/resource.js';
import type { AnyRule, Severity } from '../rules/rule.js';
import {
  type CatalogView,
  type ControlView,
  controlView,
  FRAMEWORK_LABELS,
  REMEDIATION_LABELS,
  type RemediationKind,
  rulesById,
} from './summary.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Where code-scanning UIs link the tool name to. */
export const SAFEGUARD_INFORMATION_URI = 'https://github.com/safeguard/safeguard';
/** The uriBaseId every artifact location is relative to: the repository (scan) root. */
export const SOURCE_ROOT = '%SRCROOT%';
/** Key of our fingerprint in `partialFingerprints`; bump the version if the fingerprint's recipe changes. */
export const FINGERPRINT_KEY = 'safeguard/v1';

type SarifLevel = 'error' | 'warning' | 'note';

/** Code-scanning level: critical and high block, medium warns, low is a note. */
export const SARIF_LEVEL: Readonly<Record<Severity, SarifLevel>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** GitHub code scanning's numeric severity (≥ 9 critical, 7–8.9 high, 4–6.9 medium, < 4 low). */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
};

export interface SarifOptions {
  /** Overrides `tool.driver.informationUri`. */
  readonly informationUri?: string;
  /**
   * Leave suppressed findings out of `results` (default: include them with `suppressions`). For consumers
   * that ignore SARIF suppressions and would show accepted findings as open alerts.
   */
  readonly omitSuppressed?: boolean;
}

/** `s3-bucket-sse-kms` → `S3BucketSseKms` (SARIF `reportingDescriptor.name`). */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * An input path as a SARIF artifact location: relative paths become relative URIs (forward slashes,
 * percent-encoded) against %SRCROOT%; absolute paths become `file://` URIs.
 */
export function artifactLocationOf(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/');
  const encode = (path: string) =>
    path
      .split('/')
      .map((segment) => encodeURIComponent(segment).replace(/%3A/gi, ':'))
      .join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${encode(slashed)}` };
  if (slashed.startsWith('/')) return { uri: `file://${encode(slashed)}` };
  // A relative reference whose first segment has a colon would parse as a scheme: keep it out of that form.
  const relative = encode(slashed.replace(/^(\.\/)+/, '')).replace(/^([^/]*):/, (_, head) => `${head}%3A`);
  return { uri: relative, uriBaseId: SOURCE_ROOT };
}

function regionOf(line: number | undefined): { startLine: number } | undefined {
  return line !== undefined && Number.isInteger(line) && line >= 1 ? { startLine: line } : undefined;
}

function physicalLocationOf(file: string, line: number | undefined) {
  const region = regionOf(line);
  return region
    ? { artifactLocation: artifactLocationOf(file), region }
    : { artifactLocation: artifactLocationOf(file) };
}

function citationLine(control: ControlView): string {
  return FRAMEWORK_IDS.map(
    (framework) =>
      `${FRAMEWORK_LABELS[framework]}: ${control.citations[framework].length > 0 ? control.citations[framework].join(', ') : '—'}`,
  ).join('; ');
}

/** Markdown-safe text for help.markdown (rule metadata is ours, but keep tables and code spans intact). */
function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, '\\`').replace(/\r?\n/g, ' ');
}

function ruleHelp(rule: AnyRule, catalog: CatalogView): { text: string; markdown: string } {
  const controls = rule.controls.map((id) => controlView(id, catalog));
  const kinds = Object.keys(REMEDIATION_LABELS) as RemediationKind[];
  const text = [
    rule.rationale,
    '',
    'Remediation:',
    ...kinds.map((kind) => `- ${REMEDIATION_LABELS[kind]}: ${rule.remediation[kind]}`),
    '',
    'Controls:',
    ...controls.map((control) => `- ${control.id} (${control.title}): ${citationLine(control)}`),
  ].join('\n');
  const markdown = [
    rule.rationale,
    '',
    '**Remediation**',
    '',
    ...kinds.map((kind) => `- **${REMEDIATION_LABELS[kind]}**: ${rule.remediation[kind]}`),
    '',
    '**Controls**',
    '',
    `| Control | ${FRAMEWORK_IDS.map((framework) => FRAMEWORK_LABELS[framework]).join(' | ')} |`,
    `| --- | ${FRAMEWORK_IDS.map(() => '---').join(' | ')} |`,
    ...controls.map(
      (control) =>
        `| ${mdCell(control.title)} (\`${control.id}\`) | ${FRAMEWORK_IDS.map((framework) => mdCell(control.citations[framework].join(', ')) || '—').join(' | ')} |`,
    ),
  ].join('\n');
  return { text, markdown };
}

function ruleDescriptor(
  id: string,
  rule: AnyRule | undefined,
  finding: Finding | undefined,
  catalog: CatalogView,
) {
  if (!rule) {
    // A finding from a rule that is not in `rules` (should not happen): describe it from the finding.
    const severity = finding?.severity ?? 'medium';
    return {
      id,
      name: pascalCase(id),
      shortDescription: { text: finding?.title ?? id },
      defaultConfiguration: { level: SARIF_LEVEL[severity] },
      properties: {
        tags: [...(finding?.controls ?? []), 'security'],
        'security-severity': SECURITY_SEVERITY[severity],
      },
    };
  }
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: ruleHelp(rule, catalog),
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      tags: [...new Set([...rule.controls, 'security'])],
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
}

function resultOf(finding: Finding, ruleIndex: number | undefined) {
  const { resource } = finding;
  const logical = {
    name: resource.id,
    fullyQualifiedName: resource.path ?? (resource.stack ? `${resource.stack}/${resource.id}` : resource.id),
    kind: 'resource',
  };
  const out: Record<string, unknown> = {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: physicalLocationOf(finding.location.file, finding.location.line),
        logicalLocations: [logical],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
  };
  if (finding.suppressed && finding.suppression) {
    out.suppressions = [
      {
        kind: finding.suppression.origin === 'inline' ? 'inSource' : 'external',
        justification: finding.suppression.reason,
      },
    ];
  }
  const properties: Record<string, unknown> = {
    severity: finding.severity,
    status: finding.status,
    resourceType: resource.type,
  };
  // An expired suppression no longer suppresses (R-ENG-6); say so rather than hide it.
  if (finding.suppression?.expired) {
    properties.expiredSuppression = {
      reason: finding.suppression.reason,
      expires: finding.suppression.expires,
      origin: finding.suppression.origin,
    };
  }
  out.properties = properties;
  return out;
}

function notificationOf(error: InputError) {
  return {
    level: 'error',
    message: { text: error.message },
    locations: [{ physicalLocation: physicalLocationOf(error.file, error.line) }],
  };
}

function timesOf(result: ScanResult): { startTimeUtc?: string; endTimeUtc?: string } {
  const start = Date.parse(result.startedAt);
  if (Number.isNaN(start)) return {};
  return {
    startTimeUtc: new Date(start).toISOString(),
    endTimeUtc: new Date(start + Math.max(0, Math.round(result.durationMs))).toISOString(),
  };
}

/** The SARIF 2.1.0 log as a value. */
export function sarifLogOf(result: ScanResult, catalog: CatalogView, options: SarifOptions = {}) {
  const firstFinding = new Map<string, Finding>();
  for (const finding of result.findings)
    if (!firstFinding.has(finding.ruleId)) firstFinding.set(finding.ruleId, finding);
  const rules = [...rulesById(result)].map(([id, rule]) =>
    ruleDescriptor(id, rule, firstFinding.get(id), catalog),
  );
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'safeguard',
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: options.informationUri ?? SAFEGUARD_INFORMATION_URI,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: result.errors.length === 0,
            ...timesOf(result),
            toolExecutionNotifications: result.errors.map(notificationOf),
          },
        ],
        results: result.findings
          .filter((finding) => !(options.omitSuppressed && finding.suppressed))
          .map((finding) => resultOf(finding, index.get(finding.ruleId))),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

/**
 * SARIF 2.1.0 for code-scanning UIs (GitHub code scanning, Azure DevOps): every rule that ran, every
 * finding (suppressed ones carry `suppressions`), input errors as tool execution notifications.
 */
export function renderSarif(result: ScanResult, catalog: CatalogView, options: SarifOptions = {}): string {
  return `${JSON.stringify(sarifLogOf(result, catalog, options), null, 2)}\n`;
}
