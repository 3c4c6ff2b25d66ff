import type { Finding } from '../evaluate/finding.js';
import { activeFindings, type ScanResult } from '../evaluate/result.js';
import { SEVERITIES, type Severity } from '../rules/rule.js';
import {
  type CatalogView,
  citationsOf,
  FRAMEWORK_LABELS,
  groupByResource,
  locationText,
  plural,
  type ReportSummary,
  summarize,
  totalsOf,
} from './summary.js';

export interface MarkdownOptions {
  /** Above this many active findings every severity section folds into `<details>` (default 20). */
  readonly collapseAbove?: number;
  /**
   * At most this many finding rows (default 250): a GitHub comment holds 65,536 characters, so a huge
   * estate gets a note pointing at the full report instead of a comment that fails to post.
   */
  readonly maxRows?: number;
}

const SEVERITY_ICON: Readonly<Record<Severity, string>> = {
  critical: '🟣',
  high: '🔴',
  medium: '🟠',
  low: '🔵',
};

const TITLE: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/**
 * Text for a Markdown table cell or inline text: pipes and backticks are escaped (they would end the cell
 * or open a code span), as are the characters that start emphasis, links and HTML, and line breaks.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/[|`*_[\]~#]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\uFFFD');
}

function headline(summary: ReportSummary): string {
  const { gate } = summary;
  const threshold =
    gate.failOn === 'none' ? 'gate off: `--fail-on none`' : `gate: \`--fail-on ${gate.failOn}\``;
  if (gate.verdict === 'incomplete')
    return `## ⚠️ Safeguard: incomplete scan — ${plural(summary.errors, 'input')} could not be read (${threshold})`;
  if (gate.verdict === 'fail')
    return `## ❌ Safeguard: ${plural(gate.blocking, 'finding')} at or above ${gate.failOn} (${threshold})`;
  return `## ✅ Safeguard: no finding at or above the threshold (${threshold})`;
}

function findingRow(finding: Finding, catalog: CatalogView, result: ScanResult): string {
  const resource = `${markdownText(finding.resource.id)}<br>${markdownText(finding.resource.type)}${result.boundary.has(finding.resource.modelId) ? ' · PHI' : ''}`;
  const hipaa = citationsOf(finding, catalog, 'hipaa').map(markdownText).join(', ') || '—';
  const expired = finding.suppression?.expired
    ? `<br>⚠️ suppression expired${finding.suppression.expires ? ` ${markdownText(finding.suppression.expires)}` : ''}`
    : '';
  return `| ${resource} | ${markdownText(finding.ruleId)} | ${markdownText(locationText(finding.location))} | ${markdownText(finding.message)}${expired} | ${hipaa} |`;
}

/**
 * Markdown for a pull-request comment: verdict, severity counts, per-framework table, findings by severity
 * then resource (folded when many), suppressed count and input errors.
 */
export function renderMarkdown(
  result: ScanResult,
  catalog: CatalogView,
  options: MarkdownOptions = {},
): string {
  const summary = summarize(result, catalog);
  const collapseAbove = options.collapseAbove ?? 20;
  const maxRows = options.maxRows ?? 250;
  const out: string[] = [headline(summary), ''];
  out.push(
    `${plural(summary.resources, 'resource')} scanned by ${plural(summary.rules, 'rule')}; ${plural(summary.phiBoundary, 'resource')} inside the PHI boundary. Safeguard ${markdownText(result.tool.version)}.`,
    '',
  );

  const totals = totalsOf(summary);
  out.push('| Severity | Findings | Of which cannot be verified |', '| --- | ---: | ---: |');
  for (const severity of SEVERITIES) {
    out.push(
      `| ${SEVERITY_ICON[severity]} ${TITLE[severity]} | ${totals[severity]} | ${summary.findings.unknown[severity]} |`,
    );
  }
  out.push(
    `| Suppressed | ${summary.suppressed} | ${summary.expiredSuppressions > 0 ? `${summary.expiredSuppressions} expired (counted above)` : ''} |`,
    '',
  );

  if (summary.frameworks.length > 0) {
    out.push('| Framework | Requirements checked | Passing | Failing | Failing requirements |');
    out.push('| --- | ---: | ---: | ---: | --- |');
    for (const framework of summary.frameworks) {
      // Ids only: a real estate fails dozens of requirements, and titles would swamp the comment.
      const failing = framework.failingRequirements
        .map((requirement) => markdownText(requirement.id))
        .join(', ');
      out.push(
        `| ${FRAMEWORK_LABELS[framework.id]} | ${framework.requirements} | ${framework.passing} | ${framework.failing} | ${failing || '—'} |`,
      );
    }
    out.push('');
  }

  const active = activeFindings(result);
  const collapse = active.length > collapseAbove;
  let rows = 0;
  let omitted = 0;
  for (const severity of SEVERITIES) {
    const findings = active.filter((finding) => finding.severity === severity);
    if (findings.length === 0) continue;
    const title = `${SEVERITY_ICON[severity]} ${TITLE[severity]} (${findings.length})`;
    if (collapse) out.push('<details>', `<summary><strong>${title}</strong></summary>`, '');
    else out.push(`### ${title}`, '');
    out.push('| Resource | Rule | Location | Message | HIPAA |', '| --- | --- | --- | --- | --- |');
    for (const group of groupByResource(findings)) {
      for (const finding of group.findings) {
        if (rows >= maxRows) {
          omitted++;
          continue;
        }
        rows++;
        out.push(findingRow(finding, catalog, result));
      }
    }
    out.push('');
    if (collapse) out.push('</details>', '');
  }
  if (omitted > 0) {
    out.push(
      `_${plural(omitted, 'more finding')} not shown; see the full report (JSON, SARIF or HTML)._`,
      '',
    );
  }
  if (active.length === 0) out.push('No active findings. 🎉', '');

  if (summary.suppressed > 0) {
    out.push(
      `${plural(summary.suppressed, 'finding')} suppressed with a recorded reason${summary.expiredSuppressions > 0 ? `; ${plural(summary.expiredSuppressions, 'suppression')} expired and counted again` : ''}.`,
      '',
    );
  }

  if (result.errors.length > 0) {
    out.push(`### ⚠️ Input errors (${result.errors.length})`, '');
    out.push('The scan is incomplete: these inputs could not be read.', '');
    out.push('| File | Line | Problem |', '| --- | ---: | --- |');
    for (const error of result.errors) {
      out.push(`| ${markdownText(error.file)} | ${error.line ?? ''} | ${markdownText(error.message)} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
