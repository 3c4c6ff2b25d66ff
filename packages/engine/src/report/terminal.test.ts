import { describe, expect, it } from 'vitest';
import { fakeCatalog, fixtureResult } from './fixtures/scan.js';
import { printable, renderTerminal, wrap } from './terminal.js';

const ESC = '\u001b';

describe('renderTerminal', () => {
  const catalog = fakeCatalog();

  it('prints no escape sequence at all without colour, even from hostile messages', () => {
    const text = renderTerminal(fixtureResult(), catalog, { color: false });
    expect(text).not.toContain(ESC);
    expect(text).toContain('\\x1b[31mred\\x1b[0m');
    expect(renderTerminal(fixtureResult(), catalog)).not.toContain(ESC);
  });

  it('colours with ANSI only when asked, and never lets input text carry its own escapes', () => {
    const text = renderTerminal(fixtureResult(), catalog, { color: true });
    expect(text).toContain(`${ESC}[31mHIGH`);
    expect(text).not.toContain(`${ESC}[31mred`);
  });

  it('groups findings by resource, most severe first, with HIPAA citations', () => {
    const lines = renderTerminal(fixtureResult(), catalog, { color: false }).split('\n');
    const header = lines.indexOf('templates/app.yaml:8  NotesBucket (AWS::S3::Bucket)  [PHI]');
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toMatch(/^ {2}CRITICAL {2}test-no-public {9}resource is public: /);
    expect(lines.slice(header + 1).find((line) => line.includes('test-bucket-encrypted'))).toMatch(
      /^ {2}HIGH {6}test-bucket-encrypted {2}bucket has no default encryption {2}\[164\.312\(a\)\(2\)\(iv\)\]$/,
    );
    const expired = lines.indexOf('templates/app.yaml:30  ExpiredBucket (AWS::S3::Bucket)');
    expect(lines[expired + 1]).toMatch(/^ {2}HIGH {6}test-bucket-encrypted/);
    expect(
      lines
        .slice(expired + 2, expired + 4)
        .map((line) => line.trim())
        .join(' '),
    ).toBe('suppression expired 2020-01-31 (inline): temporary until the migration');
    // Suppressed findings are counted, not listed.
    expect(lines.some((line) => line.includes('ArchiveBucket'))).toBe(false);
  });

  it('keeps lines within the width (long messages wrap under the message column)', () => {
    const lines = renderTerminal(fixtureResult(), catalog, { color: false, width: 80 }).split('\n');
    // Finding lines (indented) wrap; resource headers, totals and input errors are left whole.
    const findingLines = lines.filter(
      (line) => /^ {2}(CRITICAL|HIGH|MEDIUM|LOW) /.test(line) || /^ {10}/.test(line),
    );
    expect(findingLines.length).toBeGreaterThan(8);
    for (const line of findingLines) {
      expect(line.length, line).toBeLessThanOrEqual(80);
      expect(line, 'no trailing spaces').toBe(line.trimEnd());
    }
  });

  it('ends with the framework picture, totals, input errors and the verdict', () => {
    const text = renderTerminal(fixtureResult(), catalog, { color: false });
    expect(text).toMatch(/\n {2}HIPAA {5}█{15}░{5} {2}3\/4 failing, 1 passing\n/);
    expect(text).toContain(
      'Findings  1 critical  3 high  1 medium  0 low  (1 of them cannot be verified before deploy)',
    );
    expect(text).toContain('Suppressed  2  (1 expired, counted again)');
    expect(text).toContain(
      '  templates/broken.yaml:3: YAML: bad indentation of a mapping entry (fix the indent)',
    );
    expect(text).toContain('  templates/unreadable.json: cannot read file (EACCES)');
    expect(text.trimEnd().split('\n').pop()).toBe(
      '! INCOMPLETE  2 inputs could not be read; the scan is incomplete (exit 3)',
    );
    expect(
      renderTerminal(fixtureResult({ errors: [] }), catalog)
        .trimEnd()
        .split('\n')
        .pop(),
    ).toBe('✖ FAIL  4 findings at or above high (--fail-on high; exit 1)');
    expect(
      renderTerminal(fixtureResult({ errors: [], resources: [] }), catalog)
        .trimEnd()
        .split('\n')
        .pop(),
    ).toBe('✔ PASS  no finding at or above the threshold (--fail-on high; exit 0)');
  });
});

describe('terminal helpers', () => {
  it('printable neutralises controls and bidi overrides', () => {
    expect(printable('a\u001b[2Jb\u0007\nc\u202etxt')).toBe('a\\x1b[2Jb\\x07 c\\u202etxt');
  });

  it('wrap breaks at spaces and keeps long words whole', () => {
    expect(wrap('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrap('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
  });
});
