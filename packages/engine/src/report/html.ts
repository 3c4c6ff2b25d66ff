import { FRAMEWORK_IDS } from '@safeguard/catalog';
import type { Finding } from '../evaluate/finding.js';
import { activeFindings, type ScanResult } from '../evaluate/result.js';
import { SEVERITIES, type Severity } from '../rules/rule.js';
import {
  type CatalogView,
  controlsOf,
  FRAMEWORK_LABELS,
  type FrameworkSummary,
  groupByResource,
  locationText,
  plural,
  REMEDIATION_LABELS,
  type RemediationKind,
  type ReportSummary,
  remediationKindOf,
  rulesById,
  summarize,
  totalsOf,
} from './summary.js';

/** Text safe in HTML content and in quoted attribute values. */
export function htmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\uFFFD');
}

const e = htmlEscape;

const STYLE = `
:root{--critical:#7b1fa2;--high:#c62828;--medium:#ef6c00;--low:#1565c0;--pass:#2e7d32;--fail:#c62828;--muted:#5f6368;--line:#dadce0;--bg:#f8f9fa}
*{box-sizing:border-box}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#202124;background:#fff}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 12px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:20px 0 6px}
.meta{color:var(--muted)}
.verdict{padding:12px 16px;border-radius:8px;font-weight:600;margin:16px 0}
.verdict.pass{background:#e6f4ea;color:var(--pass)}.verdict.fail{background:#fce8e6;color:var(--fail)}.verdict.incomplete{background:#fef7e0;color:#b06000}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:120px;background:var(--bg)}
.card .n{font-size:26px;font-weight:700}.card .l{color:var(--muted);text-transform:uppercase;font-size:11px;letter-spacing:.05em}
.card.critical .n{color:var(--critical)}.card.high .n{color:var(--high)}.card.medium .n{color:var(--medium)}.card.low .n{color:var(--low)}
.badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:11px;font-weight:700;color:#fff;text-transform:uppercase}
.badge.critical{background:var(--critical)}.badge.high{background:var(--high)}.badge.medium{background:var(--medium)}.badge.low{background:var(--low)}
.badge.phi{background:#f9ab00;color:#202124}.badge.unknown{background:var(--muted)}.badge.expired{background:#b06000}
table{border-collapse:collapse;width:100%;margin:4px 0 12px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--bg);font-weight:600}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--bg);padding:0 3px;border-radius:3px;word-break:break-all}
.resource{border:1px solid var(--line);border-radius:8px;padding:4px 12px 0;margin:12px 0}
.cit{color:var(--muted);font-size:12px}
details summary{cursor:pointer;color:var(--low)}
.filters{margin:8px 0;color:var(--muted)}.filters label{margin-right:12px}
${SEVERITIES.map((s) => `body:has(#hide-${s}:checked) tr.sev-${s}{display:none}`).join('\n')}
${SEVERITIES.map((s) => `body:has(#hide-${s}:checked) .resource.only-${s}{display:none}`).join('\n')}
svg text{font:12px system-ui,sans-serif}
@media print{.filters{display:none}}
`;

function verdictOf(summary: ReportSummary): string {
  const { gate } = summary;
  const threshold = gate.failOn === 'none' ? 'gate off (--fail-on none)' : `--fail-on ${gate.failOn}`;
  const text =
    gate.verdict === 'incomplete'
      ? `⚠ Incomplete scan: ${plural(summary.errors, 'input')} could not be read (${threshold}; exit ${gate.exitCode})`
      : gate.verdict === 'fail'
        ? `✖ Failed: ${plural(gate.blocking, 'finding')} at or above ${gate.failOn} (${threshold}; exit ${gate.exitCode})`
        : `✔ Passed: no finding at or above the threshold (${threshold}; exit ${gate.exitCode})`;
  return `<div class="verdict ${gate.verdict}" role="status">${e(text)}</div>`;
}

function cards(summary: ReportSummary): string {
  const totals = totalsOf(summary);
  const card = (cls: string, n: number, label: string) =>
    `<div class="card ${cls}"><div class="n">${n}</div><div class="l">${e(label)}</div></div>`;
  return `<div class="cards">${[
    ...SEVERITIES.map((severity) => card(severity, totals[severity], severity)),
    card('', summary.suppressed, 'suppressed'),
    card('', summary.expiredSuppressions, 'expired suppressions'),
    card('', summary.errors, 'input errors'),
    card('', summary.resources, 'resources'),
    card('', summary.phiBoundary, 'in PHI boundary'),
    card('', summary.rules, 'rules run'),
  ].join('')}</div>`;
}

/** R-X-3: a picture of each framework — passing against failing requirements, one bar per framework. */
export function frameworkChart(frameworks: readonly FrameworkSummary[]): string {
  if (frameworks.length === 0) return '';
  const rowHeight = 30;
  const labelWidth = 90;
  const barWidth = 420;
  const height = frameworks.length * rowHeight + 10;
  const rows = frameworks.map((framework, index) => {
    const y = index * rowHeight + 6;
    const failing =
      framework.requirements === 0 ? 0 : (framework.failing / framework.requirements) * barWidth;
    const passing = barWidth - failing;
    const label = `${framework.failing} failing / ${framework.passing} passing of ${framework.requirements}`;
    return [
      `<text x="0" y="${y + 14}">${e(FRAMEWORK_LABELS[framework.id])}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="18" fill="#eceff1"/>`,
      failing > 0
        ? `<rect x="${labelWidth}" y="${y}" width="${failing.toFixed(1)}" height="18" fill="#c62828"><title>${e(`${framework.name}: ${framework.failing} failing`)}</title></rect>`
        : '',
      passing > 0 && framework.requirements > 0
        ? `<rect x="${(labelWidth + failing).toFixed(1)}" y="${y}" width="${passing.toFixed(1)}" height="18" fill="#2e7d32"><title>${e(`${framework.name}: ${framework.passing} passing`)}</title></rect>`
        : '',
      `<text x="${labelWidth + barWidth + 10}" y="${y + 14}">${e(label)}</text>`,
    ].join('');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Requirements passing and failing per framework" width="${labelWidth + barWidth + 260}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 260} ${height}">${rows.join('')}</svg>`;
}

function frameworkTable(frameworks: readonly FrameworkSummary[]): string {
  const rows = frameworks.map((framework) => {
    const failing = framework.failingRequirements
      .map((requirement) => `<code>${e(requirement.id)}</code> ${e(requirement.title)}`)
      .join('<br>');
    return `<tr><td>${e(framework.name)}<div class="cit">${e(framework.version)}</div></td><td>${framework.requirements}</td><td>${framework.passing}</td><td>${framework.failing}</td><td>${failing || '—'}</td></tr>`;
  });
  return `<table><thead><tr><th>Framework</th><th>Checked</th><th>Passing</th><th>Failing</th><th>Failing requirements</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function controlsCell(finding: Finding, catalog: CatalogView): string {
  return controlsOf(finding, catalog)
    .map((control) => {
      const citations = FRAMEWORK_IDS.filter((framework) => control.citations[framework].length > 0)
        .map((framework) => `${FRAMEWORK_LABELS[framework]} ${control.citations[framework].join(', ')}`)
        .join(' · ');
      return `<div><code>${e(control.id)}</code> ${e(control.title)}${citations ? `<div class="cit">${e(citations)}</div>` : ''}</div>`;
    })
    .join('');
}

function remediationCell(
  finding: Finding,
  result: ScanResult,
  remediation: Record<RemediationKind, string> | undefined,
) {
  if (!remediation) return '';
  const kind = remediationKindOf(finding, result);
  const others = (Object.keys(REMEDIATION_LABELS) as RemediationKind[]).filter((other) => other !== kind);
  return `<div><strong>${e(REMEDIATION_LABELS[kind])}:</strong> ${e(remediation[kind])}</div><details><summary>other ways</summary>${others
    .map((other) => `<div><strong>${e(REMEDIATION_LABELS[other])}:</strong> ${e(remediation[other])}</div>`)
    .join('')}</details>`;
}

function findingsSection(result: ScanResult, catalog: CatalogView): string {
  const rules = rulesById(result);
  const active = activeFindings(result);
  if (active.length === 0) return '<p>No active findings.</p>';
  const filters = `<div class="filters">Hide: ${SEVERITIES.map((severity) => `<label><input type="checkbox" id="hide-${severity}"> ${severity}</label>`).join('')}</div>`;
  const groups = groupByResource(active).map((group) => {
    const severities = new Set(group.findings.map((finding) => finding.severity));
    const only = severities.size === 1 ? ` only-${[...severities][0] as Severity}` : '';
    const phi = result.boundary.has(group.key)
      ? ` <span class="badge phi" title="${e(result.boundary.reason(group.key) ?? 'inside the PHI boundary')}">PHI</span>`
      : '';
    const rows = group.findings.map((finding) => {
      const rule = rules.get(finding.ruleId);
      const badges = [
        `<span class="badge ${finding.severity}">${finding.severity}</span>`,
        finding.status === 'unknown' ? ' <span class="badge unknown">cannot verify</span>' : '',
        finding.suppression?.expired
          ? ` <span class="badge expired" title="${e(`${finding.suppression.origin}: ${finding.suppression.reason}`)}">suppression expired${finding.suppression.expires ? ` ${e(finding.suppression.expires)}` : ''}</span>`
          : '',
      ].join('');
      return `<tr class="sev-${finding.severity}"><td>${badges}</td><td><code>${e(finding.ruleId)}</code><div class="cit">${e(finding.title)}</div></td><td>${e(finding.message)}</td><td>${controlsCell(finding, catalog)}</td><td>${remediationCell(finding, result, rule?.remediation)}</td></tr>`;
    });
    const path = group.resource.path ? `<div class="cit">${e(group.resource.path)}</div>` : '';
    return `<section class="resource${only}"><h3><code>${e(group.resource.id)}</code> <span class="meta">${e(group.resource.type)} · ${e(locationText(group.location))}</span>${phi}</h3>${path}<table><thead><tr><th>Severity</th><th>Rule</th><th>Message</th><th>Controls</th><th>Remediation</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
  });
  return filters + groups.join('');
}

function suppressedSection(result: ScanResult): string {
  const suppressed = result.findings.filter((finding) => finding.suppressed);
  if (suppressed.length === 0) return '<p>No suppressed findings.</p>';
  const rows = suppressed.map(
    (finding) =>
      `<tr><td><span class="badge ${finding.severity}">${finding.severity}</span></td><td><code>${e(finding.ruleId)}</code></td><td><code>${e(finding.resource.id)}</code><div class="cit">${e(locationText(finding.location))}</div></td><td>${e(finding.suppression?.reason ?? '')}</td><td>${e(finding.suppression?.origin ?? '')}</td><td>${e(finding.suppression?.expires ?? '—')}</td></tr>`,
  );
  return `<table><thead><tr><th>Severity</th><th>Rule</th><th>Resource</th><th>Reason</th><th>Origin</th><th>Expires</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function errorsSection(result: ScanResult): string {
  const rows = result.errors.map(
    (error) =>
      `<tr><td><code>${e(error.file)}</code></td><td>${error.line ?? ''}</td><td>${e(error.message)}</td></tr>`,
  );
  return `<p>The scan is incomplete: these inputs could not be read.</p><table><thead><tr><th>File</th><th>Line</th><th>Problem</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * A self-contained HTML report: one file, inline CSS and SVG, no scripts and no external assets (a
 * Content-Security-Policy forbids them), every piece of input text escaped. Severity filters are CSS only.
 */
export function renderHtml(result: ScanResult, catalog: CatalogView): string {
  const summary = summarize(result, catalog);
  const body = [
    `<h1>Safeguard report</h1>`,
    `<div class="meta">Safeguard ${e(result.tool.version)} · scan started ${e(result.startedAt)} · ${Math.round(result.durationMs)} ms</div>`,
    verdictOf(summary),
    cards(summary),
    '<h2>Frameworks</h2>',
    '<p class="meta">Requirements checked by the rules that ran; a requirement fails when a control of an active finding cites it.</p>',
    frameworkChart(summary.frameworks),
    frameworkTable(summary.frameworks),
    `<h2>Findings (${summary.findings.total})</h2>`,
    findingsSection(result, catalog),
    `<h2>Suppressed (${summary.suppressed})</h2>`,
    suppressedSection(result),
    ...(result.errors.length > 0
      ? [`<h2>Input errors (${result.errors.length})</h2>`, errorsSection(result)]
      : []),
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Safeguard report</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<main>${body.join('\n')}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
