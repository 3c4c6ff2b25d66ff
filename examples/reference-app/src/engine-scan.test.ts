import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  listNagAcknowledgements,
  listSafeguardSuppressions,
  MIN_SAFEGUARD_REASON_LENGTH,
} from '@safeguard/cdk';
import { exitCodeOf, type ScanResult, scan } from '@safeguard/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReferenceApp } from './app.js';

/** `rule on resource: message` of each unsuppressed finding, for readable failures. */
function active(result: ScanResult, severities?: readonly string[]): string[] {
  return result.findings
    .filter((f) => !f.suppressed && (!severities || severities.includes(f.severity)))
    .map((f) => `${f.severity} ${f.ruleId} on ${f.resource.id}: ${f.message}`);
}

// Issue #4: the synthesized reference app, scanned by Safeguard's own engine, has no unsuppressed finding.
describe('reference app scanned by the Safeguard engine', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'reference-app-scan-'));
  let built: ReturnType<typeof buildReferenceApp>;
  let result: ScanResult;

  beforeAll(async () => {
    built = buildReferenceApp({ outdir });
    built.app.synth();
    result = await scan({ paths: [outdir], cwd: outdir, failOn: 'low' });
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('reads both stacks with no input error and has zero unsuppressed findings (fail-on low)', () => {
    expect(result.errors).toEqual([]);
    expect(result.model.resources.length).toBeGreaterThan(100);
    expect(active(result)).toEqual([]);
    expect(exitCodeOf(result)).toBe(0);
  });

  it('accepts findings only through reasoned inline suppressions, none of them stale', () => {
    const suppressed = result.findings.filter((f) => f.suppressed);
    for (const finding of suppressed) {
      expect({ rule: finding.ruleId, origin: finding.suppression?.origin }).toEqual({
        rule: finding.ruleId,
        origin: 'inline',
      });
      expect(finding.suppression?.reason.length ?? 0).toBeGreaterThanOrEqual(MIN_SAFEGUARD_REASON_LENGTH);
    }
    // Every suppression written by the constructs still meets a finding; a stale one is to be removed.
    const recorded = listSafeguardSuppressions(built.app);
    const met = new Set(suppressed.map((f) => `${f.resource.id}|${f.ruleId}`));
    expect(recorded.filter((s) => !met.has(`${s.logicalId}|${s.rule}`))).toEqual([]);

    const nag = listNagAcknowledgements(built.app);
    console.log(
      `Safeguard engine (reference app, prod): ${result.findings.length} findings, 0 unsuppressed; ` +
        `${recorded.length} Safeguard suppressions (${new Set(recorded.map((s) => s.rule)).size} rules); ` +
        `${nag.length} cdk-nag acknowledgements`,
    );
  });
});

// The development profile: its deviations are reasoned HIPAA overrides, none of them high or critical.
describe('reference app, dev profile, scanned by the Safeguard engine', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'reference-app-dev-scan-'));
  let result: ScanResult;

  beforeAll(async () => {
    buildReferenceApp({ outdir, profile: 'dev' }).app.synth();
    result = await scan({ paths: [outdir], cwd: outdir, failOn: 'high' });
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('has no input error and no unsuppressed high or critical finding', () => {
    expect(result.errors).toEqual([]);
    expect(active(result, ['critical', 'high'])).toEqual([]);
    const remaining = result.findings.filter((f) => !f.suppressed);
    console.log(
      `Safeguard engine (reference app, dev): ${remaining.length} unsuppressed medium/low findings ` +
        `(${remaining.map((f) => f.ruleId).join(', ')}), each a reasoned dev-profile HIPAA override`,
    );
  });
});
