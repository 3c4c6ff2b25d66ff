import { loadCatalog } from '@safeguard/catalog';
import { describe, expect, it } from 'vitest';
import { fakeCatalog, fixtureResult, NASTY } from './fixtures/scan.js';
import { renderJson } from './json.js';

describe('renderJson', () => {
  const result = fixtureResult();
  const text = renderJson(result, fakeCatalog());
  const report = JSON.parse(text);

  it('keeps the contract: top-level keys, finding keys and their order', () => {
    expect(Object.keys(report)).toEqual(['tool', 'findings', 'errors', 'summary']);
    expect(report.tool).toEqual({ name: 'safeguard', version: '0.1.0' });
    for (const finding of report.findings) {
      const keys = Object.keys(finding);
      const expected = [
        'ruleId',
        'title',
        'severity',
        'status',
        'message',
        'resource',
        'location',
        'controls',
        'suppressed',
        ...(finding.suppression ? ['suppression'] : []),
      ];
      expect(keys).toEqual(expected);
      expect(Object.keys(finding.resource)).toEqual([
        'id',
        'type',
        'kind',
        ...(finding.resource.path ? ['path'] : []),
      ]);
      expect(Object.keys(finding.location)).toEqual(['file', ...(finding.location.line ? ['line'] : [])]);
      for (const control of finding.controls) {
        expect(Object.keys(control)).toEqual(['id', 'title', 'citations']);
        expect(Object.keys(control.citations)).toEqual(['hipaa', 'soc2', 'gdpr', 'hitrust']);
      }
      if (finding.suppression) {
        expect(Object.keys(finding.suppression)).toEqual([
          'reason',
          ...(finding.suppression.expires ? ['expires'] : []),
          'origin',
          'expired',
        ]);
      }
    }
    for (const error of report.errors) {
      expect(Object.keys(error)).toEqual(['file', ...(error.line !== undefined ? ['line'] : []), 'message']);
    }
  });

  it('reports every finding, suppressed ones included, with messages unchanged', () => {
    expect(report.findings).toHaveLength(result.findings.length);
    const notes = report.findings.find(
      (finding: { ruleId: string; resource: { id: string } }) =>
        finding.ruleId === 'test-no-public' && finding.resource.id === 'NotesBucket',
    );
    expect(notes.message).toBe(`resource is public: ${NASTY}`);
    expect(notes.location).toEqual({ file: 'templates/app.yaml', line: 8 });
    expect(notes.resource).toEqual({
      id: 'NotesBucket',
      type: 'AWS::S3::Bucket',
      kind: 'Unmodelled',
      path: 'Clinic/Data/NotesBucket/Resource',
    });
    const archive = report.findings.find(
      (finding: { resource: { id: string } }) => finding.resource.id === 'ArchiveBucket',
    );
    expect(archive.suppressed).toBe(true);
    expect(archive.suppression).toEqual({
      reason: 'marketing assets, never PHI',
      origin: 'inline',
      expired: false,
    });
    const expired = report.findings.find(
      (finding: { resource: { id: string } }) => finding.resource.id === 'ExpiredBucket',
    );
    expect(expired.suppressed).toBe(false);
    expect(expired.suppression).toMatchObject({ expires: '2020-01-31', expired: true });
    expect(
      report.findings.filter((finding: { status: string }) => finding.status === 'unknown'),
    ).toHaveLength(1);
  });

  it('is pretty-printed and deterministic', () => {
    expect(text).toBe(renderJson(fixtureResult(), fakeCatalog()));
    expect(text.split('\n')[1]).toBe('  "tool": {');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('carries the summary', () => {
    expect(Object.keys(report.summary)).toEqual([
      'gate',
      'findings',
      'suppressed',
      'expiredSuppressions',
      'errors',
      'resources',
      'rules',
      'phiBoundary',
      'frameworks',
      'startedAt',
      'durationMs',
    ]);
    expect(report.summary.frameworks[0]).toMatchObject({ id: 'hipaa', name: 'HIPAA Security Rule' });
  });

  it('works with the real catalog (control ids the real rules use)', () => {
    const catalog = loadCatalog();
    const real = JSON.parse(renderJson(fixtureResult(), catalog));
    const encryption = real.findings[0].controls.find(
      (control: { id: string }) => control.id === 'encryption-at-rest',
    );
    expect(encryption.citations.hipaa).toContain('164.312(a)(2)(iv)');
    expect(real.summary.frameworks.map((framework: { id: string }) => framework.id)).toEqual([
      'hipaa',
      'soc2',
      'gdpr',
      'hitrust',
    ]);
  });
});

describe('renderJson text', () => {
  it('is exactly JSON.stringify of the report value (findings with and without path, line, suppression, expiry)', async () => {
    const { jsonReportOf } = await import('./json.js');
    const result = fixtureResult();
    expect(result.findings.some((finding) => finding.suppression?.expires !== undefined)).toBe(true);
    expect(
      result.findings.some((finding) => finding.suppression && finding.suppression.expires === undefined),
    ).toBe(true);
    expect(result.findings.some((finding) => finding.location.line === undefined)).toBe(true);
    for (const catalog of [fakeCatalog(), loadCatalog()]) {
      expect(renderJson(result, catalog)).toBe(`${JSON.stringify(jsonReportOf(result, catalog), null, 2)}\n`);
      const empty = { ...result, findings: [] };
      expect(renderJson(empty, catalog)).toBe(`${JSON.stringify(jsonReportOf(empty, catalog), null, 2)}\n`);
    }
  });
});
