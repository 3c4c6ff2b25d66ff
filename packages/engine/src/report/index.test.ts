import { describe, expect, it } from 'vitest';
import { fakeCatalog, fixtureResult } from './fixtures/scan.js';
import { isReportFormat, REPORT_EXTENSIONS, REPORT_FORMATS, render } from './index.js';

describe('render', () => {
  const result = fixtureResult();
  const catalog = fakeCatalog();

  it('renders every format, deterministically, ending with a newline', () => {
    for (const format of REPORT_FORMATS) {
      const text = render(format, result, catalog);
      expect(text.length, format).toBeGreaterThan(100);
      expect(text.endsWith('\n'), format).toBe(true);
      expect(render(format, fixtureResult(), fakeCatalog()), format).toBe(text);
    }
  });

  it('colours only the terminal format, and only when asked', () => {
    for (const format of REPORT_FORMATS) {
      const coloured = render(format, result, catalog, { color: true });
      expect(coloured.includes('\u001b['), format).toBe(format === 'terminal');
    }
  });

  it('has a default extension for every format', () => {
    expect(Object.keys(REPORT_EXTENSIONS).sort()).toEqual([...REPORT_FORMATS].sort());
    expect(REPORT_EXTENSIONS).toEqual({
      terminal: '.txt',
      json: '.json',
      sarif: '.sarif',
      junit: '.xml',
      markdown: '.md',
      html: '.html',
    });
    expect(isReportFormat('sarif')).toBe(true);
    expect(isReportFormat('pdf')).toBe(false);
  });

  it('never crashes on an empty scan', () => {
    const empty = fixtureResult({ resources: [], errors: [] });
    for (const format of REPORT_FORMATS) expect(() => render(format, empty, catalog)).not.toThrow();
  });
});
