import { FRAMEWORK_IDS } from '@safeguard/catalog';
import type { Finding } from '../evaluate/finding.js';
import type { ScanResult } from '../evaluate/result.js';
import { type CatalogView, controlsOf, FRAMEWORK_LABELS, locationText, rulesById } from './summary.js';

/**
 * Text made safe for XML 1.0 content and attribute values: the five markup characters become entities,
 * characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, and line
 * breaks inside attributes become character references so parsers do not normalise them away.
 */
export function xmlEscape(text: string, attribute = false): string {
  const clean = text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\uFFFD')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  if (!attribute) return clean;
  return clean
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${xmlEscape(String(value), true)}"`)
    .join('');
}

function failureBody(finding: Finding, catalog: CatalogView): string {
  const lines = [
    finding.message,
    '',
    `Rule:     ${finding.ruleId} (${finding.severity}${finding.status === 'unknown' ? ', cannot be verified' : ''}) ${finding.title}`,
    `Resource: ${finding.resource.id} (${finding.resource.type})${finding.resource.path ? ` ${finding.resource.path}` : ''}`,
    `Location: ${locationText(finding.location)}`,
  ];
  if (finding.suppression?.expired) {
    lines.push(
      `Suppression expired${finding.suppression.expires ? ` ${finding.suppression.expires}` : ''} (${finding.suppression.origin}): ${finding.suppression.reason}`,
    );
  }
  const controls = controlsOf(finding, catalog);
  if (controls.length > 0) {
    lines.push('Controls:');
    for (const control of controls) {
      const citations = FRAMEWORK_IDS.filter((framework) => control.citations[framework].length > 0)
        .map((framework) => `${FRAMEWORK_LABELS[framework]} ${control.citations[framework].join(', ')}`)
        .join('; ');
      lines.push(`  - ${control.id} (${control.title})${citations ? `: ${citations}` : ''}`);
    }
  }
  return lines.join('\n');
}

function testcaseName(finding: Finding): string {
  return `${finding.resource.id} (${finding.resource.type}) ${locationText(finding.location)}`;
}

/**
 * JUnit XML for CI test tabs: one testsuite per rule that ran; in it one testcase per resource the rule
 * judged (a failure for an active finding, `<skipped>` for a suppressed one), or a single passing testcase
 * when the rule found nothing, so every rule that ran is counted. Input errors form their own suite of
 * `<error>` testcases.
 */
export function renderJunit(result: ScanResult, catalog: CatalogView): string {
  const byRule = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byRule.get(finding.ruleId);
    if (list) list.push(finding);
    else byRule.set(finding.ruleId, [finding]);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const [id, rule] of rulesById(result)) {
    const findings = byRule.get(id) ?? [];
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    if (findings.length === 0) {
      cases.push(`    <testcase${attrs({ classname: id, name: 'no findings', time: 0 })}/>`);
    }
    for (const finding of findings) {
      const head = `    <testcase${attrs({ classname: id, name: testcaseName(finding), file: finding.location.file, ...(finding.location.line !== undefined ? { line: finding.location.line } : {}), time: 0 })}>`;
      if (finding.suppressed) {
        suiteSkipped++;
        const reason = finding.suppression
          ? `suppressed (${finding.suppression.origin}): ${finding.suppression.reason}`
          : 'suppressed';
        cases.push(`${head}\n      <skipped${attrs({ message: reason })}/>\n    </testcase>`);
      } else {
        suiteFailures++;
        cases.push(
          `${head}\n      <failure${attrs({ message: finding.message, type: finding.severity })}>${xmlEscape(failureBody(finding, catalog))}</failure>\n    </testcase>`,
        );
      }
    }
    const count = Math.max(1, findings.length);
    tests += count;
    failures += suiteFailures;
    skipped += suiteSkipped;
    const name = rule ? `${id}: ${rule.title}` : id;
    suites.push(
      `  <testsuite${attrs({ name, tests: count, failures: suiteFailures, errors: 0, skipped: suiteSkipped, time: 0 })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  if (result.errors.length > 0) {
    const cases = result.errors.map((error) => {
      const where = error.line !== undefined ? `${error.file}:${error.line}` : error.file;
      return `    <testcase${attrs({ classname: 'input', name: where, file: error.file, ...(error.line !== undefined ? { line: error.line } : {}), time: 0 })}>\n      <error${attrs({ message: error.message, type: 'input-error' })}>${xmlEscape(`${where}: ${error.message}`)}</error>\n    </testcase>`;
    });
    tests += result.errors.length;
    suites.push(
      `  <testsuite${attrs({ name: 'input errors', tests: result.errors.length, failures: 0, errors: result.errors.length, skipped: 0, time: 0 })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const time = (Math.max(0, result.durationMs) / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: `safeguard ${result.tool.version}`, tests, failures, errors: result.errors.length, skipped, time, timestamp: result.startedAt })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
