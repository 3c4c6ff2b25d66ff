import { type Catalog, FRAMEWORK_IDS, type FrameworkId } from '@safeguard/catalog';
import type { Finding } from '../evaluate/finding.js';
import { activeFindings, exitCodeOf, type ScanResult, severityAtLeast } from '../evaluate/result.js';
import { type AnyRule, SEVERITIES, type Severity } from '../rules/rule.js';

/**
 * What a reporter needs of the catalog: controls by id and the frameworks. Callers pass the catalog in
 * (the CLI loads it once), so reporters stay pure functions and tests can hand in a small fake.
 */
export type CatalogView = Pick<Catalog, 'control' | 'hasControl' | 'frameworks'>;

/** Short framework names for tables and the terminal; the catalog holds the full names. */
export const FRAMEWORK_LABELS: Readonly<Record<FrameworkId, string>> = {
  hipaa: 'HIPAA',
  soc2: 'SOC 2',
  gdpr: 'GDPR',
  hitrust: 'HITRUST',
};

export type Citations = Record<FrameworkId, string[]>;

/** A control as reports show it: id, title and its citations in every framework. */
export interface ControlView {
  readonly id: string;
  readonly title: string;
  readonly citations: Citations;
}

export type SeverityCounts = Record<Severity, number>;

export interface FrameworkSummary {
  readonly id: FrameworkId;
  readonly name: string;
  readonly version: string;
  /** Requirements cited by the controls of the rules that ran. */
  readonly requirements: number;
  readonly passing: number;
  readonly failing: number;
  /** Requirements cited by a control of an active finding, in the framework's own order. */
  readonly failingRequirements: readonly { readonly id: string; readonly title: string }[];
}

export interface Gate {
  /** The `--fail-on` threshold. */
  readonly failOn: Severity | 'none';
  /** `incomplete` when an input could not be read (exit 3), `fail` (exit 1), `pass` (exit 0). */
  readonly verdict: 'pass' | 'fail' | 'incomplete';
  readonly exitCode: 0 | 1 | 3;
  /** Active findings at or above the threshold. */
  readonly blocking: number;
}

export interface ReportSummary {
  readonly gate: Gate;
  /** Active (unsuppressed) findings: proven failures and the ones that cannot be verified, by severity. */
  readonly findings: {
    readonly total: number;
    readonly fail: SeverityCounts;
    readonly unknown: SeverityCounts;
  };
  readonly suppressed: number;
  /** Findings whose suppression has expired: they count again. */
  readonly expiredSuppressions: number;
  readonly errors: number;
  readonly resources: number;
  readonly rules: number;
  /** Resources inside the PHI boundary (R-ENG-4). */
  readonly phiBoundary: number;
  readonly frameworks: readonly FrameworkSummary[];
  readonly startedAt: string;
  readonly durationMs: number;
}

function zeroCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0 };
}

function emptyCitations(): Citations {
  return { hipaa: [], soc2: [], gdpr: [], hitrust: [] };
}

/** One control for reports; an id the catalog does not know is shown as itself, never a crash. */
const controlViews = new WeakMap<CatalogView, Map<string, ControlView>>();

/** A control with its citations; built once per catalog and control (reports of 50k findings reuse them). */
export function controlView(id: string, catalog: CatalogView): ControlView {
  let cache = controlViews.get(catalog);
  if (!cache) {
    cache = new Map();
    controlViews.set(catalog, cache);
  }
  const cached = cache.get(id);
  if (cached) return cached;
  let view: ControlView;
  if (!catalog.hasControl(id)) view = { id, title: id, citations: emptyCitations() };
  else {
    const control = catalog.control(id);
    const citations = emptyCitations();
    for (const framework of FRAMEWORK_IDS) citations[framework] = [...(control.citations[framework] ?? [])];
    view = { id: control.id, title: control.title, citations };
  }
  cache.set(id, view);
  return view;
}

/** The controls a finding serves, with their framework citations (reached only through the catalog). */
export function controlsOf(finding: Pick<Finding, 'controls'>, catalog: CatalogView): ControlView[] {
  return finding.controls.map((id) => controlView(id, catalog));
}

/** Citations of one framework across the finding's controls, de-duplicated, in first-seen order. */
export function citationsOf(
  finding: Pick<Finding, 'controls'>,
  catalog: CatalogView,
  framework: FrameworkId,
): string[] {
  return [...new Set(controlsOf(finding, catalog).flatMap((control) => control.citations[framework]))];
}

export function gateOf(result: ScanResult): Gate {
  const exitCode = exitCodeOf(result);
  const threshold = result.failOn;
  const blocking =
    threshold === 'none'
      ? 0
      : activeFindings(result).filter((finding) => severityAtLeast(finding.severity, threshold)).length;
  return {
    failOn: result.failOn,
    verdict: exitCode === 3 ? 'incomplete' : exitCode === 1 ? 'fail' : 'pass',
    exitCode,
    blocking,
  };
}

/**
 * The numbers every report shows. Per framework: the requirements touched by the rules that ran (rule →
 * controls → citations); a requirement fails when a control of an active finding cites it, else it passes.
 */
export function summarize(result: ScanResult, catalog: CatalogView): ReportSummary {
  const active = activeFindings(result);
  const fail = zeroCounts();
  const unknown = zeroCounts();
  for (const finding of active) {
    (finding.status === 'unknown' ? unknown : fail)[finding.severity] += 1;
  }
  // Findings of one rule share its controls array: each distinct array is read once.
  const controlLists = new Set<readonly string[]>();
  for (const finding of active) controlLists.add(finding.controls);
  const activeControls = new Set<string>();
  for (const list of controlLists) for (const control of list) activeControls.add(control);
  const frameworks: FrameworkSummary[] = [];
  for (const id of FRAMEWORK_IDS) {
    const framework = catalog.frameworks.get(id);
    if (!framework) continue;
    const touched = new Set<string>();
    for (const rule of result.rules) {
      for (const control of rule.controls) {
        for (const citation of controlView(control, catalog).citations[id]) touched.add(citation);
      }
    }
    const failing = new Set<string>();
    for (const control of activeControls) {
      for (const citation of controlView(control, catalog).citations[id]) failing.add(citation);
    }
    // A finding's rule may not be among `rules` (a hand-built result): its requirements are touched too.
    for (const citation of failing) touched.add(citation);
    const order = new Map(framework.requirements.map((requirement, index) => [requirement.id, index]));
    const titles = new Map(framework.requirements.map((requirement) => [requirement.id, requirement.title]));
    const rank = (requirement: string) => order.get(requirement) ?? Number.MAX_SAFE_INTEGER;
    const failingRequirements = [...failing]
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
      .map((requirement) => ({ id: requirement, title: titles.get(requirement) ?? requirement }));
    frameworks.push({
      id,
      name: framework.name,
      version: framework.version,
      requirements: touched.size,
      passing: touched.size - failing.size,
      failing: failing.size,
      failingRequirements,
    });
  }
  return {
    gate: gateOf(result),
    findings: { total: active.length, fail, unknown },
    suppressed: result.findings.filter((finding) => finding.suppressed).length,
    expiredSuppressions: result.findings.filter((finding) => finding.suppression?.expired === true).length,
    errors: result.errors.length,
    resources: result.model.resources.length,
    rules: result.rules.length,
    phiBoundary: result.boundary.size,
    frameworks,
    startedAt: result.startedAt,
    durationMs: Math.round(result.durationMs),
  };
}

/** Active findings by severity (proven failures and cannot-verify together). */
export function totalsOf(summary: ReportSummary): SeverityCounts {
  const totals = zeroCounts();
  for (const severity of SEVERITIES) {
    totals[severity] = summary.findings.fail[severity] + summary.findings.unknown[severity];
  }
  return totals;
}

/** `file:line`, or `file` when the line is unknown. */
export function locationText(location: Finding['location']): string {
  return location.line !== undefined && location.line >= 1
    ? `${location.file}:${location.line}`
    : location.file;
}

export interface ResourceGroup {
  readonly key: string;
  readonly resource: Finding['resource'];
  readonly location: Finding['location'];
  readonly findings: readonly Finding[];
}

/**
 * Findings grouped by resource, resources in order of first appearance (model order), findings within a
 * resource from the most severe down, rule order kept among equals.
 */
export function groupByResource(findings: readonly Finding[]): ResourceGroup[] {
  const groups = new Map<
    string,
    { resource: Finding['resource']; location: Finding['location']; findings: Finding[] }
  >();
  for (const finding of findings) {
    const key = finding.resource.modelId;
    const group = groups.get(key);
    if (group) group.findings.push(finding);
    else groups.set(key, { resource: finding.resource, location: finding.location, findings: [finding] });
  }
  return [...groups.entries()].map(([key, group]) => ({
    key,
    resource: group.resource,
    location: group.location,
    findings: sortBySeverity(group.findings),
  }));
}

/** Stable sort from critical down to low. */
export function sortBySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        SEVERITIES.indexOf(a.finding.severity) - SEVERITIES.indexOf(b.finding.severity) || a.index - b.index,
    )
    .map(({ finding }) => finding);
}

/** The rules that ran by id, plus a stand-in for any rule a finding names that is not among them. */
export function rulesById(result: ScanResult): Map<string, AnyRule | undefined> {
  const rules = new Map<string, AnyRule | undefined>(result.rules.map((rule) => [rule.id, rule]));
  for (const finding of result.findings) if (!rules.has(finding.ruleId)) rules.set(finding.ruleId, undefined);
  return rules;
}

export type RemediationKind = keyof AnyRule['remediation'];

/** Which remediation fits the finding's input: the template's language, or the console for a live account. */
export function remediationKindOf(finding: Finding, result: ScanResult): RemediationKind {
  const format = result.model.get(finding.resource.modelId)?.source.format;
  if (format === 'terraform-plan' || format === 'terraform-hcl') return 'terraform';
  if (format === 'aws') return 'console';
  return 'cloudformation';
}

export const REMEDIATION_LABELS: Readonly<Record<RemediationKind, string>> = {
  cloudformation: 'CloudFormation / CDK',
  terraform: 'Terraform',
  console: 'AWS console',
};

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
