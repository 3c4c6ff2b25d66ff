import { describe, expect, it } from 'vitest';
import { fakeCatalog, fixtureResult, NASTY_ID } from './fixtures/scan.js';
import { controlsOf, summarize } from './summary.js';

describe('summarize', () => {
  const catalog = fakeCatalog();

  it('counts active findings by severity and status, suppressed, expired, errors and the scan size', () => {
    const result = fixtureResult();
    const summary = summarize(result, catalog);
    // NotesBucket: critical + high + medium fail; ExpiredBucket: high fail (suppression expired);
    // the Terraform bucket: high unknown; ArchiveBucket (inline) and NotesTopic (config) suppressed.
    expect(summary.findings).toEqual({
      total: 5,
      fail: { critical: 1, high: 2, medium: 1, low: 0 },
      unknown: { critical: 0, high: 1, medium: 0, low: 0 },
    });
    expect(summary.suppressed).toBe(2);
    expect(summary.expiredSuppressions).toBe(1);
    expect(summary.errors).toBe(2);
    expect(summary.resources).toBe(5);
    expect(summary.rules).toBe(4);
    expect(summary.phiBoundary).toBe(1);
    expect(summary.gate).toEqual({ failOn: 'high', verdict: 'incomplete', exitCode: 3, blocking: 4 });
  });

  it('judges each framework requirement touched by the rules that ran', () => {
    const summary = summarize(fixtureResult({ errors: [] }), catalog);
    expect(summary.gate.verdict).toBe('fail');
    const hipaa = summary.frameworks.find((framework) => framework.id === 'hipaa');
    // Touched: encryption 164.312(a)(2)(iv), access 164.312(a)(1), audit 164.312(b), inventory 164.308(a)(1)(ii)(A).
    expect(hipaa).toMatchObject({ requirements: 4, failing: 3, passing: 1 });
    expect(hipaa?.failingRequirements).toEqual([
      { id: '164.312(a)(1)', title: 'Access control' },
      { id: '164.312(a)(2)(iv)', title: 'Encryption and decryption' },
      { id: '164.312(b)', title: 'Audit controls' },
    ]);
    expect(summary.frameworks.map((framework) => framework.id)).toEqual(['hipaa', 'soc2', 'gdpr', 'hitrust']);
    const gdpr = summary.frameworks.find((framework) => framework.id === 'gdpr');
    expect(gdpr).toMatchObject({ requirements: 2, failing: 2, passing: 0 });
  });

  it('passes every requirement and the gate when nothing is active', () => {
    const result = fixtureResult({
      errors: [],
      resources: [
        {
          nativeId: 'Fine',
          nativeType: 'AWS::SNS::Topic',
          file: 't.yaml',
          line: 1,
          properties: {},
        },
      ],
    });
    const summary = summarize(result, catalog);
    expect(summary.findings.total).toBe(0);
    expect(summary.gate).toMatchObject({ verdict: 'pass', exitCode: 0 });
    for (const framework of summary.frameworks) {
      expect(framework.failing).toBe(0);
      expect(framework.passing).toBe(framework.requirements);
    }
  });

  it('counts below-threshold findings without failing the gate', () => {
    const summary = summarize(fixtureResult({ errors: [], failOn: 'critical' }), catalog);
    expect(summary.gate).toMatchObject({ verdict: 'fail', blocking: 1 });
    const none = summarize(fixtureResult({ errors: [], failOn: 'none' }), catalog);
    expect(none.gate).toMatchObject({ verdict: 'pass', blocking: 0, exitCode: 0 });
  });
});

describe('controlsOf', () => {
  it('reaches framework citations through the catalog and shows an unknown control as itself', () => {
    const catalog = fakeCatalog();
    expect(controlsOf({ controls: ['encryption-at-rest', 'no-such-control'] }, catalog)).toEqual([
      {
        id: 'encryption-at-rest',
        title: 'Encrypt stored ePHI',
        citations: { hipaa: ['164.312(a)(2)(iv)'], soc2: ['CC6.1'], gdpr: ['32(1)(a)'], hitrust: ['06.d'] },
      },
      {
        id: 'no-such-control',
        title: 'no-such-control',
        citations: { hipaa: [], soc2: [], gdpr: [], hitrust: [] },
      },
    ]);
  });

  it('keeps the nasty Terraform address in the fixture (used by escaping tests)', () => {
    expect(fixtureResult().findings.some((finding) => finding.resource.id === NASTY_ID)).toBe(true);
  });
});
