import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUnknown } from '../../../model/values.js';
import { type EvalContext, type EvalHost, evaluateString } from './evaluate.js';
import { parseExpression } from './syntax.js';
import { ExpressionError } from './values.js';

/** A host with a few variables and one resource, as a module instance would answer. */
const host: EvalHost = {
  reference(root, steps) {
    const [first] = steps;
    const name = first && 'attr' in first ? first.attr : '';
    if (root === 'var') {
      const vars: Record<string, unknown> = {
        env: 'prod',
        n: 3,
        list: ['a', '', 'b'],
        map: { a: 1, b: 2 },
        objs: [
          { id: 'x', port: 80 },
          { id: 'y', port: 443 },
        ],
        flag: true,
        missing: { $unknown: 'variable missing has no value' },
      };
      if (!(name in vars)) throw new ExpressionError(`variable "${name}" is not declared`);
      return { value: vars[name], consumed: 1 };
    }
    if (root === 'aws_kms_key' && name === 'k') return { value: { $ref: 'f#aws_kms_key.k' }, consumed: 1 };
    return undefined;
  },
  readFile() {
    throw new ExpressionError('no files');
  },
};
const ctx: EvalContext = { host, vars: new Map() };
const run = (text: string) => evaluateString(text, ctx);
const expr = (text: string) => run(`\${${text}}`);

describe('HCL expressions', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 % 4 - -1', 3],
    ['var.n > 2 && !false', true],
    ['var.n == 3 ? "three" : "other"', 'three'],
    ['"a" != "b" || false', true],
    ['[for s in var.list : upper(s) if s != ""]', ['A', 'B']],
    ['{for k, v in var.map : k => v * 10}', { a: 10, b: 20 }],
    ['{for o in var.objs : o.port => o.id...}', { '80': ['x'], '443': ['y'] }],
    ['var.objs[*].id', ['x', 'y']],
    ['var.objs.*.port', [80, 443]],
    ['var.objs[1].port', 443],
    ['var.map["b"]', 2],
    ['{ a = 1, "b-c" = [true, null] }', { a: 1, 'b-c': [true, null] }],
    ['"x-${var.env}-${var.n}"', 'x-prod-3'],
    ['"q\\"\\n${upper("é")}"', 'q"\nÉ'],
    ['"%{ if var.flag }on%{ else }off%{ endif }"', 'on'],
    ['"%{ for s in var.list }[${s}]%{ endfor }"', '[a][][b]'],
    ['merge({ a = 1 }, { b = 2 }, null)', { a: 1, b: 2 }],
    ['length(var.map) + length("héllo")', 7],
    ['lookup(var.map, "z", 0)', 0],
    ['coalescelist([], ["x"])', ['x']],
    ['tonumber("4") + 1', 5],
    ['tobool("true")', true],
    ['split(",", "a,b")', ['a', 'b']],
    ['values(var.map)', [1, 2]],
    ['format("%s-%d-%05.1f-%q", "a", 2, 3.14159, "z")', 'a-2-003.1-"z"'],
    ['cidrsubnet("10.1.0.0/16", 4, 15)', '10.1.240.0/20'],
    ['endswith("abc", "bc")', true],
    ['join("-", ["a"], ["b", "c"])', 'a-b-c'],
    ['try(var.map.nope, "fallback")', 'fallback'],
    ['can(var.map.nope)', false],
    ['range(1, 4)', [1, 2, 3]],
    ['zipmap(["a"], [var.env])', { a: 'prod' }],
  ])('%s', (text, expected) => {
    expect(expr(text)).toEqual(expected);
  });

  it('knows that a collection holding unknowns is not null, and that an unknown may be', () => {
    expect(expr('{ a = var.missing } != null')).toBe(true);
    expect(expr('[var.missing] == null')).toBe(false);
    expect(expr('{ a = var.missing } != null ? "kept" : "dropped"')).toBe('kept');
    expect(isUnknown(expr('var.missing != null'))).toBe(true);
  });

  it('replaces placeholders inside a structured document (JSON text holding references)', () => {
    expect(expr('replace({ R = ["_X_/*", "keep"] }, "_X_", "arn:aws:s3:::b")')).toEqual({
      R: ['arn:aws:s3:::b/*', 'keep'],
    });
    const replaced = expr('replace({ R = "_X_/*", S = "keep" }, "_X_", aws_kms_key.k)') as Record<
      string,
      unknown
    >;
    expect(replaced.S).toBe('keep');
    expect(isUnknown(replaced.R) && replaced.R.refs).toEqual(['f#aws_kms_key.k']);
  });

  it('keeps the structure of a JSON policy template whose unknown interpolations sit inside strings', () => {
    const document = run(
      '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${aws_kms_key.k.id}/*"}]}',
    ) as { Statement: Record<string, unknown>[] };
    expect(document.Statement[0]?.Action).toBe('s3:GetObject');
    const resource = document.Statement[0]?.Resource;
    expect(isUnknown(resource) && resource.refs).toEqual(['f#aws_kms_key.k']);
    // Unquoted, in a key, or not a policy document: wholly unknown as before.
    expect(isUnknown(run('{"Statement": ${var.missing}}'))).toBe(true);
    expect(isUnknown(run('{"Statement": [], "${var.missing}": 1}'))).toBe(true);
    expect(isUnknown(run('{"containerDefinitions": "${var.missing}"}'))).toBe(true);
  });

  it('keeps $${ and %%{ escapes literal', () => {
    expect(run(`a $\${b} %%{c} \${var.env}`)).toBe(`a \${b} %{c} prod`);
  });

  it('yields a reference for a direct resource attribute and an unknown with refs inside strings', () => {
    expect(expr('aws_kms_key.k.arn')).toEqual({ $ref: 'f#aws_kms_key.k', attribute: 'arn' });
    expect(run('arn-${aws_kms_key.k.arn}')).toEqual({
      $unknown: 'aws_kms_key.k.arn is known only after apply',
      refs: ['f#aws_kms_key.k'],
    });
    expect(expr('var.missing == null ? aws_kms_key.k.arn : "x"')).toEqual({
      $unknown: 'variable missing has no value',
      refs: ['f#aws_kms_key.k'],
    });
    // A reference is not null: module code that picks between a passed ARN and a default keeps it.
    expect(expr('aws_kms_key.k.arn != null ? aws_kms_key.k.arn : "x"')).toEqual({
      $ref: 'f#aws_kms_key.k',
      attribute: 'arn',
    });
  });

  it('turns errors into unknowns and never throws', () => {
    for (const text of [
      'var.nope',
      'var.map.z',
      '1 +',
      'nosuch(1)',
      '[1][5]',
      'upper(var.missing)',
      '"a" + 1',
    ]) {
      const value = expr(text);
      expect(isUnknown(value), text).toBe(true);
    }
  });

  it('never throws on arbitrary expression text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const value = run(text);
        expect(value === undefined).toBe(false);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'var.n',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '"',
            '${',
            '%{',
            'for',
            ' x ',
            'in',
            ':',
            '?',
            '+',
            'upper(',
            ',',
            '=>',
            '...',
            '[*]',
            '.',
            'if',
            '1',
            'true',
            '\\',
          ),
          { maxLength: 20 },
        ),
        (tokens) => {
          run(tokens.join(''));
          run(`\${${tokens.join('')}}`);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('parses native syntax for -var values', () => {
    expect(parseExpression('["a", { b = 1 }]')).toMatchObject({ kind: 'tuple' });
    expect(() => parseExpression('[1')).toThrow();
  });
});
