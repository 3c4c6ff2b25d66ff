import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CatalogError, DEFAULT_DATA_DIR, loadCatalog } from './index.js';

const shipped = fileURLToPath(DEFAULT_DATA_DIR);
const validControls = readFileSync(join(shipped, 'controls.yaml'), 'utf8');
const validHipaa = readFileSync(join(shipped, 'frameworks/hipaa.yaml'), 'utf8');
const temporaryDirs: string[] = [];

afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shipped data in a fresh directory, with `edits` applied (file → new text or null to delete). */
function catalogDir(edits: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'safeguard-catalog-'));
  temporaryDirs.push(dir);
  cpSync(shipped, dir, { recursive: true });
  for (const [file, text] of Object.entries(edits)) {
    if (text === null) rmSync(join(dir, file));
    else writeFileSync(join(dir, file), text);
  }
  return dir;
}

function loadError(dir: string): CatalogError {
  try {
    loadCatalog(dir);
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
  throw new Error('expected loadCatalog to throw a CatalogError');
}

/** 1-based line of the first line containing `needle` after the line containing `after`. */
function lineOf(text: string, needle: string, after = ''): number {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.includes(after));
  return lines.findIndex((line, index) => index >= start && line.includes(needle)) + 1;
}

describe('loadCatalog on a directory', () => {
  it('loads a faithful copy of the shipped data, from a path or a URL', () => {
    const dir = catalogDir();
    expect(loadCatalog(dir).controls.size).toBe(loadCatalog().controls.size);
    expect(loadCatalog(new URL(`file://${dir}/`)).frameworks.size).toBe(4);
  });

  it('names file, line, control and framework for a citation that does not exist', () => {
    const text = validControls.replace(
      'hipaa: [164.308(a)(7)(ii)(A), 164.310(d)(2)(iv)]',
      'hipaa: [164.308(a)(7)(ii)(Z), 164.310(d)(2)(iv)]',
    );
    expect(text).not.toBe(validControls);
    const error = loadError(catalogDir({ 'controls.yaml': text }));
    const line = lineOf(text, '164.308(a)(7)(ii)(Z)');
    expect(error.message).toBe(
      `controls.yaml:${line}: control "backup" cites hipaa "164.308(a)(7)(ii)(Z)" which is not in frameworks/hipaa.yaml`,
    );
    expect(error.issues[0]).toMatchObject({
      file: 'controls.yaml',
      line,
      entry: 'control "backup"',
      field: 'citations.hipaa[0]',
    });
  });

  it('reports a duplicate control id at the second definition', () => {
    const text = validControls.replace('- id: log-protection', '- id: log-integrity');
    const error = loadError(catalogDir({ 'controls.yaml': text }));
    expect(error.message).toMatch(
      /^controls\.yaml:\d+: control "log-integrity": duplicate id \(first defined at line \d+\)$/,
    );
    expect(error.issues[0]?.line).toBe(
      lineOf(text, '- id: log-integrity', 'title: Make logs tamper-evident'),
    );
  });

  it('reports a duplicate requirement id in a framework file', () => {
    const text = validHipaa.replace('- id: 164.310(c)', '- id: 164.310(b)');
    const error = loadError(catalogDir({ 'frameworks/hipaa.yaml': text }));
    expect(error.message).toContain('frameworks/hipaa.yaml:');
    expect(error.message).toContain('requirement "164.310(b)": duplicate id');
  });

  it('reports invalid YAML with its line', () => {
    const text = `${validControls.slice(0, validControls.indexOf('controls:'))}controls:\n  - id: [unclosed\n`;
    const error = loadError(catalogDir({ 'controls.yaml': text }));
    expect(error.message).toMatch(/^controls\.yaml:\d+: invalid YAML: /);
    expect(error.issues[0]?.line).toBeGreaterThan(1);
  });

  it('reports a missing file and where it looked', () => {
    const dir = catalogDir({ 'frameworks/gdpr.yaml': null });
    const error = loadError(dir);
    expect(error.message).toContain(`frameworks/gdpr.yaml: file not found in ${dir}`);
    // The controls' GDPR citations are not reported again as unknown: one cause, one message.
    expect(error.issues).toHaveLength(1);
  });

  it('reports schema problems with entry and field', () => {
    const text = validControls
      .replace('    title: Back up ePHI\n', '    title: Back up ePHI\n    owner: ops\n')
      .replace('soc2: [A1.2]', 'soc2: A1.2');
    const error = loadError(catalogDir({ 'controls.yaml': text }));
    const messages = error.issues.map((issue) => issue.message);
    expect(messages.some((m) => m.startsWith('control "backup"') && m.includes('owner'))).toBe(true);
    expect(
      error.issues.some((issue) => issue.entry === 'control "backup"' && issue.field === 'citations.soc2'),
    ).toBe(true);
    expect(error.issues.every((issue) => issue.line !== undefined)).toBe(true);
  });

  it('refuses a control without a HIPAA citation', () => {
    const text = validControls.replace('hipaa: [164.308(a)(3)(ii)(B)]', 'hipaa: []');
    const error = loadError(catalogDir({ 'controls.yaml': text }));
    expect(error.message).toMatch(
      /control "workforce-screening" field "citations\.hipaa": every control must cite at least one HIPAA/,
    );
  });

  it('refuses an unmarked HIPAA specification and a wrong parent', () => {
    const text = validHipaa
      .replace('    parent: 164.312(a)(1)\n    requirement: addressable\n', '    parent: 164.312(a)(1)\n')
      .replace('parent: 164.316(b)(1)', 'parent: 164.316(b)(9)');
    const error = loadError(catalogDir({ 'frameworks/hipaa.yaml': text }));
    expect(error.message).toContain(
      'requirement "164.312(a)(2)(iii)": an implementation specification needs "requirement',
    );
    expect(error.message).toContain(
      'requirement "164.316(b)(2)(i)": parent "164.316(b)(9)" is not a requirement',
    );
  });

  it('refuses a malformed requirement id', () => {
    const text = validHipaa.replace('- id: 164.312(d)', '- id: 164.312(d');
    const error = loadError(catalogDir({ 'frameworks/hipaa.yaml': text }));
    expect(error.message).toContain(
      'requirement "164.312(d": id is not written as hipaa writes requirement ids',
    );
  });
});

describe('loadCatalog under random damage to controls.yaml', () => {
  const dir = catalogDir();
  const file = join(dir, 'controls.yaml');
  const lines = validControls.split('\n');

  /** Loads `text` as controls.yaml; anything thrown other than a CatalogError fails the property. */
  function survives(text: string): boolean {
    writeFileSync(file, text);
    try {
      loadCatalog(dir);
    } catch (error) {
      if (error instanceof CatalogError) return error.message.length > 0 && error.issues.length > 0;
      throw error;
    }
    return true;
  }

  it('text mutations: deleted, replaced, inserted and duplicated lines and characters', () => {
    const lineEdit = fc.record({
      at: fc.nat({ max: lines.length - 1 }),
      kind: fc.constantFrom('delete', 'replace', 'insert', 'duplicate', 'truncate'),
      text: fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('- id: x', '  - [', '&a *a', ': :', '\t', '"', '{}', '~', 'citations: 7'),
      ),
      cut: fc.nat({ max: 80 }),
    });
    fc.assert(
      fc.property(fc.array(lineEdit, { minLength: 1, maxLength: 5 }), (edits) => {
        const mutated = [...lines];
        for (const edit of edits) {
          const at = Math.min(edit.at, mutated.length - 1);
          if (edit.kind === 'delete') mutated.splice(at, 1);
          else if (edit.kind === 'replace') mutated[at] = edit.text;
          else if (edit.kind === 'insert') mutated.splice(at, 0, edit.text);
          else if (edit.kind === 'duplicate') mutated.splice(at, 0, mutated[at] ?? '');
          else mutated[at] = (mutated[at] ?? '').slice(0, edit.cut);
        }
        return survives(mutated.join('\n'));
      }),
      { numRuns: 100 },
    );
  });

  it('structural mutations: any value replaced at any path', () => {
    // JSON is valid YAML, so a JSON rendering of controls.yaml goes through the same loader path.
    const original = parseYaml(validControls) as unknown;
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), (choices, value) => {
        const data = structuredClone(original);
        replaceAt(data, choices, value);
        return survives(JSON.stringify(data));
      }),
      { numRuns: 100 },
    );
  });
});

/** Walks `choices` down into `data` (each number picks a key or index) and replaces what it reaches. */
function replaceAt(data: unknown, choices: readonly number[], value: unknown): void {
  let node = data;
  for (const [depth, choice] of choices.entries()) {
    if (typeof node !== 'object' || node === null) return;
    const container = node as Record<string, unknown>;
    const keys = Object.keys(container);
    if (keys.length === 0) return;
    const key = keys[choice % keys.length]!;
    if (depth === choices.length - 1) {
      container[key] = value;
      return;
    }
    node = container[key];
  }
}
