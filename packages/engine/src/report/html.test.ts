import { describe, expect, it } from 'vitest';
import { fakeCatalog, fixtureResult, NASTY_ID } from './fixtures/scan.js';
import { htmlEscape, renderHtml } from './html.js';

describe('renderHtml', () => {
  const html = renderHtml(fixtureResult(), fakeCatalog());

  it('escapes every piece of input text: no markup from a resource id or message survives', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/\bon\w+=/i);
    expect(html).toContain(htmlEscape(NASTY_ID));
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/[\u0001\u001b]/);
  });

  it('is one self-contained file: inline CSS and SVG, no external assets, scripts forbidden by CSP', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|\bsrc=|url\(/i);
    expect(html.match(/https?:\/\/[^"\s<]+/g) ?? []).toEqual(['http://www.w3.org/2000/svg']);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('shows cards, the framework picture, findings by resource, suppressions and input errors', () => {
    expect(html).toContain(
      '<div class="card critical"><div class="n">1</div><div class="l">critical</div></div>',
    );
    expect(html).toContain('<div class="card high"><div class="n">3</div><div class="l">high</div></div>');
    expect(html).toMatch(/<svg [^>]*aria-label="Requirements passing and failing per framework"/);
    expect(html).toContain('3 failing / 1 passing of 4');
    // Resource sections in model order, each with its severity badges.
    const notes = html.indexOf('<code>NotesBucket</code>');
    const expired = html.indexOf('<code>ExpiredBucket</code>');
    expect(notes).toBeGreaterThan(0);
    expect(expired).toBeGreaterThan(notes);
    expect(html).toContain('<span class="badge critical">critical</span>');
    expect(html).toContain('<span class="badge unknown">cannot verify</span>');
    expect(html).toContain('suppression expired 2020-01-31');
    expect(html).toContain('<span class="badge phi" title="tag DataClassification=PHI">PHI</span>');
    expect(html).toContain('HIPAA 164.312(a)(2)(iv) · SOC 2 CC6.1 · GDPR 32(1)(a) · HITRUST 06.d');
    // Remediation in the input's own language first: Terraform for the plan resource.
    expect(html).toContain(
      '<strong>Terraform:</strong> Add aws_s3_bucket_server_side_encryption_configuration',
    );
    expect(html).toContain('<h2>Suppressed (2)</h2>');
    expect(html).toContain('marketing assets, never PHI');
    expect(html).toContain('<h2>Input errors (2)</h2>');
    expect(html).toContain('<code>templates/broken.yaml</code></td><td>3</td>');
  });

  it('balances its elements', () => {
    for (const tag of ['section', 'table', 'tr', 'td', 'details', 'svg', 'div']) {
      const open = html.match(new RegExp(`<${tag}[\\s>]`, 'g'))?.length ?? 0;
      const close = html.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0;
      expect(close, tag).toBe(open);
    }
  });

  it('says so when there is nothing to show', () => {
    const clean = renderHtml(fixtureResult({ errors: [], resources: [] }), fakeCatalog());
    expect(clean).toContain('No active findings.');
    expect(clean).toContain('✔ Passed');
    expect(clean).not.toContain('Input errors');
  });
});
