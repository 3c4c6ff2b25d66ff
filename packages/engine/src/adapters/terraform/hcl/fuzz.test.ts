import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTerraformFolder } from './index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const seeds = [
  'basics/main.tf',
  'expansion/main.tf',
  'references/main.tf',
  'modules/main.tf',
  'suppressions/main.tf',
].map((file) => readFileSync(join(fixtures, file), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'safeguard-hcl-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Random edits of real configuration: deletions, duplications and inserted syntax characters. */
const mutated = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.constantFrom(
          '',
          '{',
          '}',
          '"',
          '${',
          '%{',
          '[',
          ']',
          '(',
          '=',
          '\n',
          '#',
          '<<EOT\n',
          'count = ',
          'for_each = ',
          'var.',
          'local.',
          'module.',
          'aws_s3_bucket.b.',
          ' ? ',
          'dynamic "x" {',
        ),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([seed, edits]) => {
    let text = seed;
    for (const [at, length, insert] of edits) {
      const start = at % (text.length + 1);
      text = text.slice(0, start) + insert + text.slice(start + length);
    }
    return text;
  });

let run = 0;

describe('Terraform HCL folder: bad input never crashes (R-ENG-8)', () => {
  it('loads random and mutated .tf text without throwing, and every error names a file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, fc.string({ maxLength: 200 })), async (text) => {
        const folder = join(work, `case-${run++}`);
        rmSync(folder, { recursive: true, force: true });
        mkdirSync(folder);
        writeFileSync(join(folder, 'main.tf'), text);
        const result = await loadTerraformFolder(folder, { cwd: work });
        for (const error of result.errors) {
          expect(error.file).toMatch(/^case-\d+(\/|$)/);
          expect(error.message.length).toBeGreaterThan(0);
        }
        for (const instance of result.instances) expect(instance.file).toMatch(/^case-\d+\//);
      }),
      { numRuns: 100 },
    );
  });
});
