import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

function errorOf(text: string): string {
  try {
    parseConfig('.safeguard.yml', text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('.safeguard.yml: bad input is one line naming file, line and reason (R-ENG-8)', () => {
  it('rejects dates that do not exist, whatever Date.parse says', () => {
    const suppression = (expires: string) =>
      `suppressions:\n  - rule: s3-bucket-sse-kms\n    reason: reviewed by the security team\n    expires: ${expires}\n`;
    expect(errorOf(suppression('2026-02-30'))).toBe(
      '.safeguard.yml:4: suppressions[0].expires: must be a date written YYYY-MM-DD',
    );
    expect(errorOf(suppression('2026-13-01'))).toBe(
      '.safeguard.yml:4: suppressions[0].expires: must be a date written YYYY-MM-DD',
    );
    expect(errorOf(suppression('20260101'))).toBe(
      '.safeguard.yml:4: suppressions[0].expires: must be a date written YYYY-MM-DD',
    );
    expect(parseConfig('c.yml', suppression('2028-02-29')).suppressions?.[0]?.expires).toBe('2028-02-29');
    expect(parseConfig('c.yml', suppression('"2027-12-31"')).suppressions?.[0]?.expires).toBe('2027-12-31');
  });

  it('words YAML errors in one line with their line', () => {
    expect(errorOf('failOn: high\nfailOn: low\n')).toBe(
      '.safeguard.yml:2: invalid YAML: duplicate key "failOn" in a mapping',
    );
    expect(errorOf('failOn: "high\n')).toBe('.safeguard.yml:2: invalid YAML: Missing closing "quote');
    expect(errorOf('\u0089PNG\u0000\u0000')).toBe(
      '.safeguard.yml: not a text file (binary content: a NUL byte)',
    );
  });

  it('refuses an alias bomb instead of crashing, and checks duplicate keys in linear time', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++)
      lines.push(`a${level}: &a${level} [${Array.from({ length: 9 }, () => `*a${level - 1}`).join(', ')}]`);
    expect(errorOf(`${lines.join('\n')}\n`)).toBe(
      '.safeguard.yml: invalid YAML: aliases expand to too many nodes',
    );
    const many = ['parameters:'];
    for (let index = 0; index < 50_000; index++) many.push(`  P${index}: x`);
    const started = performance.now();
    expect(Object.keys(parseConfig('c.yml', `${many.join('\n')}\n`).parameters ?? {})).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('says what a field must be', () => {
    expect(errorOf('parameters:\n  A: [1, 2]\n')).toBe(
      '.safeguard.yml:2: parameters.A: must be a string, number or boolean',
    );
    expect(errorOf('boundary:\n  tags: {phi: [1, 2]}\n')).toBe(
      '.safeguard.yml:2: boundary.tags.phi: must be a string or a list of strings',
    );
  });
});
