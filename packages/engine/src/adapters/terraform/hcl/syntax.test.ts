import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { type EvalContext, evaluateValue, type Step } from './evaluate.js';
import { parseHclBody } from './syntax.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(tf|tfvars)$/.test(name) ? [path] : [];
  });
}

/** Every reference evaluates to its own spelling, so both parsers' expressions can be compared by value. */
const ctx: EvalContext = {
  host: {
    reference: (root: string, steps: readonly Step[]) => ({
      value: `<${[root, ...steps.map((step) => ('attr' in step ? step.attr : JSON.stringify(step.index)))].join('.')}>`,
      consumed: steps.length,
    }),
    readFile: () => 'file',
  },
  vars: new Map(),
};

describe('fast HCL body parser', () => {
  const valid = files(fixtures).filter((path) => !path.includes('invalid'));
  it.each(valid.map((path) => [path.slice(fixtures.length + 1), path]))(
    'reads %s as hcl2json does',
    async (_name, path) => {
      const text = readFileSync(path, 'utf8');
      const expected = evaluateValue(await parse(path, text), ctx);
      expect(evaluateValue(parseHclBody(text), ctx)).toEqual(expected);
    },
  );

  it('rejects what it does not handle, so hcl2json decides', () => {
    expect(() => parseHclBody('resource "a" "b" {\n  x = \n}\n')).toThrow();
    expect(() => parseHclBody('a = 1 b = 2\n')).toThrow();
    expect(() => parseHclBody('block {\n')).toThrow();
  });

  it('keeps literal strings escaped as templates and reads heredocs', () => {
    expect(parseHclBody('a = "x $${y}"\nb = <<-EOT\n    hi\n    EOT\nc = 1\n')).toEqual({
      a: ['x $$', '{y}'].join(''),
      b: 'hi\n',
      c: 1,
    });
  });
});
