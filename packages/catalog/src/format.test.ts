import { describe, expect, it } from 'vitest';
import { formatCatalogList, formatCrosswalk, loadCatalog } from './index.js';

const catalog = loadCatalog();

describe('formatCatalogList', () => {
  const text = formatCatalogList(catalog);

  it('lists frameworks with counts, then controls with their citations', () => {
    expect(text).toMatch(/^Frameworks\n {2}hipaa {4}HIPAA Security Rule/);
    expect(text).toContain(
      '65 requirements: 22 standards, 43 implementation specifications (21 required, 22 addressable)',
    );
    expect(text).toContain(`Controls (${catalog.controls.size})`);
    expect(text).toContain(
      '  encryption-at-rest — Encrypt stored ePHI\n    hipaa    164.312(a)(2)(iv)\n    soc2     CC6.1',
    );
    expect(text.endsWith('\n')).toBe(true);
  });

  it('is plain text', () => {
    expect(text).not.toMatch(/\u001b\[/);
  });
});

describe('formatCrosswalk', () => {
  const text = formatCrosswalk(catalog, 'hipaa', 'soc2');

  it('prints a table row per touched requirement with the requirements and controls it reaches', () => {
    const row = text.split('\n').find((line) => line.startsWith('164.312(a)(2)(iv) '));
    expect(row).toMatch(/Encryption and decryption\s+CC6\.1\s+encryption-at-rest, key-management$/);
  });

  it('lists untouched requirements and ends with the overlap figure', () => {
    expect(text).toMatch(
      /hipaa requirements no Safeguard control touches \(\d+\):\n {2}164\.308\(a\)\(1\)\(i\)/,
    );
    const overlap = catalog.overlap(['hipaa', 'soc2']);
    expect(text.trimEnd().split('\n').slice(-2)).toEqual([
      `Overlap hipaa + soc2: ${overlap.percentage}% (${overlap.sharedRequirements} of ${overlap.touchedRequirements} ` +
        'touched requirements are served by a control shared with another of these frameworks; ' +
        `${overlap.percentageOfAll}% of all ${overlap.totalRequirements})`,
      `Coverage by Safeguard controls: hipaa ${overlap.perFramework[0]?.touched}/65 ` +
        `(${overlap.perFramework[0]?.coveragePercentage}%), soc2 ${overlap.perFramework[1]?.touched}/61 ` +
        `(${overlap.perFramework[1]?.coveragePercentage}%)`,
    ]);
  });

  it('keeps the table within 120 columns', () => {
    const table = text.split('\n\n')[1] ?? '';
    expect(table).toContain('via controls');
    for (const line of table.split('\n')) expect(line.length, line).toBeLessThanOrEqual(120);
  });
});
