import { describe, expect, it } from 'vitest';
import { fakeCatalog, fixtureResult, NASTY_ID } from './fixtures/scan.js';
import { markdownText, renderMarkdown } from './markdown.js';

/** Splits a GFM table row into cells, honouring `\|` escapes. */
function cells(row: string): string[] {
  return row
    .replace(/^\|\s?/, '')
    .replace(/\s?\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

describe('renderMarkdown', () => {
  const catalog = fakeCatalog();

  it('opens with the verdict and the gate threshold', () => {
    expect(renderMarkdown(fixtureResult({ errors: [] }), catalog).split('\n')[0]).toBe(
      '## ❌ Safeguard: 4 findings at or above high (gate: `--fail-on high`)',
    );
    expect(renderMarkdown(fixtureResult({ errors: [], failOn: 'none' }), catalog).split('\n')[0]).toBe(
      '## ✅ Safeguard: no finding at or above the threshold (gate off: `--fail-on none`)',
    );
    expect(renderMarkdown(fixtureResult(), catalog).split('\n')[0]).toMatch(
      /^## ⚠️ Safeguard: incomplete scan/,
    );
  });

  it('keeps every table row at its column count even with pipes, backticks and HTML in the text', () => {
    const text = renderMarkdown(fixtureResult(), catalog);
    const lines = text.split('\n');
    let columns = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        columns = 0;
        continue;
      }
      const count = cells(line).length;
      if (columns === 0) columns = count;
      expect(count, line).toBe(columns);
    }
    expect(text).not.toMatch(/<script>/);
    expect(text).toContain('&lt;script&gt;');
    expect(text).toContain('a\\|b \\`tick\\`');
    // The escapes are in the table cells; no raw backtick pair can open a code span in a finding row.
    const row = lines.find((line) => line.includes('resource is public')) as string;
    expect(row.replace(/\\`/g, '')).not.toMatch(/`/);
  });

  it('has severity counts, the framework table, findings by severity, suppressions and input errors', () => {
    const text = renderMarkdown(fixtureResult(), catalog);
    expect(text).toContain('| 🟣 Critical | 1 | 0 |');
    expect(text).toContain('| 🔴 High | 3 | 1 |');
    expect(text).toContain('| HIPAA | 4 | 1 | 3 | 164.312(a)(1), 164.312(a)(2)(iv), 164.312(b) |');
    const order = ['### 🟣 Critical (1)', '### 🔴 High (3)', '### 🟠 Medium (1)'].map((heading) =>
      text.indexOf(heading),
    );
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toMatch(
      /\| NotesBucket<br>AWS::S3::Bucket · PHI \| test-no-public \| templates\/app\.yaml:8 \|/,
    );
    expect(text).toContain('164.312(a)(1), 164.312(a)(2)(iv) |');
    expect(text).toContain(markdownText(NASTY_ID));
    expect(text).toContain('⚠️ suppression expired 2020-01-31');
    expect(text).toContain(
      '2 findings suppressed with a recorded reason; 1 suppression expired and counted again.',
    );
    expect(text).toContain('### ⚠️ Input errors (2)');
    expect(text).toContain(
      '| templates/broken.yaml | 3 | YAML: bad indentation of a mapping entry (fix the indent) |',
    );
    expect(text).not.toContain('<details>');
  });

  it('folds findings into <details> above 20 and caps the rows', () => {
    const extra = Array.from({ length: 25 }, (_, index) => ({
      nativeId: `Bucket${index}`,
      nativeType: 'AWS::S3::Bucket',
      file: 'many.yaml',
      line: index + 1,
      properties: { Logging: true },
    }));
    const text = renderMarkdown(fixtureResult({ extra, errors: [] }), catalog);
    expect(text).toContain('<details>\n<summary><strong>🔴 High (28)</strong></summary>');
    expect(text.match(/<details>/g)).toHaveLength(3);
    expect(text.match(/<\/details>/g)).toHaveLength(3);
    const capped = renderMarkdown(fixtureResult({ extra, errors: [] }), catalog, { maxRows: 10 });
    expect(capped).toContain('_20 more findings not shown; see the full report (JSON, SARIF or HTML)._');
  });

  it('markdownText escapes cell breakers', () => {
    expect(markdownText('a|b`c`*d*_e_[f](g)<h>&\nz')).toBe(
      'a\\|b\\`c\\`\\*d\\*\\_e\\_\\[f\\](g)&lt;h&gt;&amp;<br>z',
    );
  });
});
