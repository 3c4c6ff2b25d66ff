import { describe, expect, it } from 'vitest';
import { fakeCatalog, fixtureResult, NASTY, NASTY_ID } from './fixtures/scan.js';
import { renderJunit, xmlEscape } from './junit.js';

interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] as string;
  });
}

/**
 * A strict little XML 1.0 well-formedness check (no DTDs, CDATA, comments or PIs beyond the declaration,
 * which the reporter never writes): balanced tags, one root, quoted unique attributes, only the predefined
 * or numeric entities, no raw `<` or `&` in text or attributes, no characters XML 1.0 forbids. Returns the
 * parsed tree so tests can read values back.
 */
function parseXml(xml: string): XmlElement {
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const checkText = (text: string) => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text))
      throw new Error(`bad entity in ${text}`);
    if (text.includes(']]>')) throw new Error(`]]> in text: ${text}`);
  };
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    checkText(text);
    const top = stack[stack.length - 1] as XmlElement;
    if (top === root && text.trim() !== '') throw new Error(`text outside the root: ${text}`);
    top.text += decode(text);
    if (lt === -1) break;
    rest = rest.slice(lt);
    const close = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(rest);
    if (close) {
      const open = stack.pop();
      if (!open || open.name !== close[1]) throw new Error(`</${close[1]}> closes <${open?.name}>`);
      rest = rest.slice(close[0].length);
      continue;
    }
    const start = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>/.exec(rest);
    if (!start) throw new Error(`malformed markup at: ${rest.slice(0, 80)}`);
    const attributes: Record<string, string> = {};
    for (const match of (start[2] ?? '').matchAll(/([A-Za-z_][\w.-]*)="([^"<]*)"/g)) {
      const [, key, value] = match as unknown as [string, string, string];
      if (key in attributes) throw new Error(`duplicate attribute ${key}`);
      checkText(value);
      attributes[key] = decode(value);
    }
    const element: XmlElement = { name: start[1] as string, attributes, children: [], text: '' };
    if (top === root && root.children.length > 0) throw new Error('more than one root element');
    top.children.push(element);
    if (start[3] !== '/') stack.push(element);
    rest = rest.slice(start[0].length);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  const [documentElement] = root.children;
  if (!documentElement) throw new Error('no root element');
  return documentElement;
}

function all(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)]);
}

describe('renderJunit', () => {
  const result = fixtureResult();
  const xml = renderJunit(result, fakeCatalog());
  const root = parseXml(xml);

  it('is well-formed XML with one testsuite per rule that ran plus input errors', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    expect(root.name).toBe('testsuites');
    const suites = root.children;
    expect(suites.map((suite) => suite.attributes.name)).toEqual([
      'test-bucket-encrypted: S3 buckets encrypt data at rest',
      'test-no-public: Resources are not public',
      'test-logging: S3 buckets log access',
      'test-inventory: Resources are inventoried',
      'input errors',
    ]);
  });

  it('counts tests, failures, skipped and errors consistently', () => {
    let tests = 0;
    let failures = 0;
    let skipped = 0;
    for (const suite of root.children) {
      const cases = suite.children.filter((child) => child.name === 'testcase');
      expect(Number(suite.attributes.tests)).toBe(cases.length);
      expect(Number(suite.attributes.failures)).toBe(all(suite, 'failure').length);
      expect(Number(suite.attributes.skipped)).toBe(all(suite, 'skipped').length);
      expect(Number(suite.attributes.errors)).toBe(all(suite, 'error').length);
      tests += cases.length;
      failures += all(suite, 'failure').length;
      skipped += all(suite, 'skipped').length;
    }
    expect(Number(root.attributes.tests)).toBe(tests);
    expect(Number(root.attributes.failures)).toBe(failures);
    expect(Number(root.attributes.skipped)).toBe(skipped);
    expect(Number(root.attributes.errors)).toBe(2);
    // Active findings fail, suppressed ones are skipped, a rule without findings is one passing case.
    expect(failures).toBe(result.findings.filter((finding) => !finding.suppressed).length);
    expect(skipped).toBe(2);
    const inventory = root.children.find((suite) => suite.attributes.name?.startsWith('test-inventory'));
    expect(inventory?.children).toHaveLength(1);
    expect(inventory?.children[0]?.children).toEqual([]);
  });

  it('escapes nasty text so it reads back unchanged', () => {
    const failures = all(root, 'failure');
    const nasty = failures.find((failure) => failure.attributes.message?.startsWith('resource is public'));
    // XML 1.0 cannot carry U+0001 or ESC at all: they read back as U+FFFD; everything else is exact.
    const expected = `resource is public: ${NASTY}`.replace(/[\u0001\u001b]/g, '\uFFFD');
    expect(nasty?.attributes.message).toBe(expected);
    expect(nasty?.text.startsWith(expected)).toBe(true);
    expect(nasty?.text).toMatch(/Location: templates\/app\.yaml:8/);
    expect(nasty?.text).toMatch(/encryption-at-rest \(Encrypt stored ePHI\): HIPAA 164\.312\(a\)\(2\)\(iv\)/);
    const cases = all(root, 'testcase');
    expect(cases.some((testcase) => testcase.attributes.name?.startsWith(NASTY_ID))).toBe(true);
    const skipped = all(root, 'skipped').map((element) => element.attributes.message);
    expect(skipped).toContain('suppressed (config): public by design: only\nopen data');
  });

  it('xmlEscape handles markup, quotes, forbidden characters and lone surrogates', () => {
    expect(xmlEscape('<a href="x">&\'</a>', true)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(xmlEscape('a\u0000b\u001bc\ud800d\uffff')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFD');
    expect(xmlEscape('😀 ok')).toBe('😀 ok');
    expect(xmlEscape('line\nbreak', true)).toBe('line&#10;break');
  });

  it('is well-formed for a clean scan too', () => {
    const clean = parseXml(renderJunit(fixtureResult({ errors: [], resources: [] }), fakeCatalog()));
    expect(clean.attributes.failures).toBe('0');
    expect(clean.children).toHaveLength(4);
  });
});
