import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, fileErrorReason, jsonErrorOf, jsonErrorOffset } from './input-text.js';

describe('input text (R-ENG-8)', () => {
  it('finds a JSON syntax error exactly when JSON.parse fails, at any depth', () => {
    const edited = fc
      .tuple(
        fc.jsonValue().map((value) => JSON.stringify(value, null, 1)),
        fc.nat(),
        fc.nat({ max: 3 }),
        fc.constantFrom('', ',', '}', ']', '{', '[', '"', ':', 'x', '\\', '\u0001', '-', '0', '1e', ' '),
      )
      .map(([text, at, remove, insert]) => {
        const start = at % (text.length + 1);
        return text.slice(0, start) + insert + text.slice(start + remove);
      });
    fc.assert(
      fc.property(fc.oneof(edited, fc.string({ maxLength: 40 })), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        const offset = jsonErrorOffset(text);
        expect(offset === undefined).toBe(parses);
        if (offset !== undefined) expect(offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
    expect(jsonErrorOffset(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBeUndefined();
    expect(jsonErrorOffset(`${'{"a":['.repeat(100_000)}`)).toBe(600_000);
  });

  it('words a JSON error in one line, without quoting the file', () => {
    const text = '{\n  "a": tru\n}';
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (caught) {
      error = caught;
    }
    const { line, message } = jsonErrorOf(text, error);
    expect(line).toBe(2);
    expect(message).toMatch(/^invalid JSON: Unexpected token/);
    expect(message).not.toMatch(/tru|is not valid JSON|\n/);
  });

  it('decodes byte-order marks and names what is not UTF-8 text', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('héllo', 'utf16le')]))).toEqual({
      text: 'héllo',
    });
    expect(decodeText(Buffer.from('Resources:', 'utf16le'))).toEqual({
      reason: 'UTF-16 text without a byte-order mark: save the file as UTF-8',
    });
    const codes = ['ENOENT', 'EACCES', 'EPERM', 'ELOOP', 'EISDIR', 'EMFILE'];
    expect(codes.map((code) => fileErrorReason(Object.assign(new Error(code), { code })))).toEqual([
      'file not found',
      'permission denied',
      'permission denied',
      'symbolic link loop',
      'is a folder, not a file',
      'cannot read file (EMFILE)',
    ]);
  });
});
