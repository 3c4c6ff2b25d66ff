import { activeFindings, type ScanResult } from '../evaluate/result.js';
import { SEVERITIES, type Severity } from '../rules/rule.js';
import {
  type CatalogView,
  citationsOf,
  FRAMEWORK_LABELS,
  type Gate,
  groupByResource,
  locationText,
  plural,
  summarize,
  totalsOf,
} from './summary.js';

export interface TerminalOptions {
  /** ANSI colour; the CLI passes `process.stdout.isTTY && !NO_COLOR`. */
  readonly color?: boolean;
  /** Wrap width for long messages (default 100). */
  readonly width?: number;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  magenta: '\u001b[35m',
  cyan: '\u001b[36m',
} as const;

type Style = keyof typeof ANSI;

const SEVERITY_STYLE: Readonly<Record<Severity, readonly Style[]>> = {
  critical: ['bold', 'magenta'],
  high: ['red'],
  medium: ['yellow'],
  low: ['cyan'],
};

/**
 * Text from templates and rules, made safe to print: no terminal escape sequences, control characters or
 * bidirectional overrides ("Trojan Source") reach the terminal; they are shown as `\xNN` / `\uNNNN`.
 */
export function printable(text: string): string {
  return text
    .replace(/\r\n|\r|\n|\t/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** Greedy word wrap of text longer than the width; a word longer than the width stays whole on its own line. */
export function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    if (line.length === 0) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

function verdictLine(gate: Gate, errors: number, paint: (styles: readonly Style[], text: string) => string) {
  if (gate.verdict === 'incomplete') {
    return paint(
      ['bold', 'red'],
      `! INCOMPLETE  ${plural(errors, 'input')} could not be read; the scan is incomplete (exit ${gate.exitCode})`,
    );
  }
  const threshold = gate.failOn === 'none' ? 'gate off (--fail-on none)' : `--fail-on ${gate.failOn}`;
  if (gate.verdict === 'fail') {
    return paint(
      ['bold', 'red'],
      `✖ FAIL  ${plural(gate.blocking, 'finding')} at or above ${gate.failOn} (${threshold}; exit ${gate.exitCode})`,
    );
  }
  return paint(
    ['bold', 'green'],
    `✔ PASS  no finding at or above the threshold (${threshold}; exit ${gate.exitCode})`,
  );
}

/**
 * The terminal report: active findings grouped by resource (`file:line  LogicalId (Type)`, then one line per
 * finding with its HIPAA citations), the per-framework picture, totals, input errors and the gate verdict.
 */
export function renderTerminal(
  result: ScanResult,
  catalog: CatalogView,
  options: TerminalOptions = {},
): string {
  const color = options.color === true;
  const width = Math.max(60, options.width ?? 100);
  const paint = (styles: readonly Style[], text: string) =>
    color && styles.length > 0 ? `${styles.map((style) => ANSI[style]).join('')}${text}${ANSI.reset}` : text;
  const summary = summarize(result, catalog);
  const out: string[] = [];

  out.push(
    paint(['bold'], `Safeguard ${printable(result.tool.version)}`) +
      paint(
        ['dim'],
        `  ${plural(summary.resources, 'resource')}, ${plural(summary.rules, 'rule')}, PHI boundary ${plural(summary.phiBoundary, 'resource')}`,
      ),
    '',
  );

  const active = activeFindings(result);
  const groups = groupByResource(active);
  for (const group of groups) {
    const phi = result.boundary.has(group.key) ? paint(['yellow'], '  [PHI]') : '';
    out.push(
      `${paint(['dim'], printable(locationText(group.location)))}  ${paint(['bold'], printable(group.resource.id))} (${printable(group.resource.type)})${phi}`,
    );
    // Rule ids aligned within the resource; a long id moves the message to the next line instead.
    const ruleWidth = Math.max(...group.findings.map((finding) => printable(finding.ruleId).length));
    const messageColumn = 2 + 8 + 2 + ruleWidth + 2;
    const sameLine = messageColumn <= width * 0.55;
    const indent = sameLine ? messageColumn : 12;
    for (const finding of group.findings) {
      const label = finding.severity.toUpperCase().padEnd(8);
      const ruleId = printable(finding.ruleId);
      const hipaa = citationsOf(finding, catalog, 'hipaa');
      const text = `${printable(finding.message)}${hipaa.length > 0 ? `  [${hipaa.join(', ')}]` : ''}`;
      const lines = wrap(text, width - indent);
      const head = `  ${paint(SEVERITY_STYLE[finding.severity], label)}  ${paint(['bold'], sameLine ? ruleId.padEnd(ruleWidth) : ruleId)}`;
      if (sameLine) out.push(`${head}  ${lines[0] ?? ''}`);
      else out.push(head, `${' '.repeat(indent)}${lines[0] ?? ''}`);
      for (const line of lines.slice(1)) out.push(`${' '.repeat(indent)}${line}`);
      if (finding.suppression?.expired) {
        const { expires, origin, reason } = finding.suppression;
        const note = `suppression expired${expires ? ` ${printable(expires)}` : ''} (${origin}): ${printable(reason)}`;
        for (const line of wrap(note, width - indent))
          out.push(`${' '.repeat(indent)}${paint(['yellow'], line)}`);
      }
    }
    out.push('');
  }
  if (groups.length === 0) out.push(paint(['green'], 'No active findings.'), '');

  if (summary.frameworks.length > 0) {
    out.push(
      paint(['bold'], 'Frameworks') + paint(['dim'], '  (requirements checked by the rules that ran)'),
    );
    const barWidth = 20;
    for (const framework of summary.frameworks) {
      const failingCells =
        framework.requirements === 0 ? 0 : Math.ceil((framework.failing / framework.requirements) * barWidth);
      const bar =
        paint(['red'], '█'.repeat(failingCells)) + paint(['green'], '░'.repeat(barWidth - failingCells));
      out.push(
        `  ${FRAMEWORK_LABELS[framework.id].padEnd(8)}  ${bar}  ${framework.failing}/${framework.requirements} failing, ${framework.passing} passing`,
      );
    }
    out.push('');
  }

  const totals = totalsOf(summary);
  const unknownTotal = SEVERITIES.reduce((sum, severity) => sum + summary.findings.unknown[severity], 0);
  out.push(
    `${paint(['bold'], 'Findings')}  ${SEVERITIES.map((severity) => paint(totals[severity] > 0 ? SEVERITY_STYLE[severity] : ['dim'], `${totals[severity]} ${severity}`)).join('  ')}` +
      (unknownTotal > 0
        ? paint(['dim'], `  (${unknownTotal} of them cannot be verified before deploy)`)
        : ''),
  );
  out.push(
    `${paint(['bold'], 'Suppressed')}  ${summary.suppressed}` +
      (summary.expiredSuppressions > 0
        ? paint(['yellow'], `  (${summary.expiredSuppressions} expired, counted again)`)
        : ''),
  );

  if (result.errors.length > 0) {
    out.push('', paint(['bold', 'red'], `Input errors (${result.errors.length})`));
    for (const error of result.errors) {
      const where = error.line !== undefined ? `${error.file}:${error.line}` : error.file;
      out.push(`  ${printable(where)}: ${printable(error.message)}`);
    }
  }
  out.push('', verdictLine(summary.gate, summary.errors, paint));
  return `${out.join('\n')}\n`;
}
