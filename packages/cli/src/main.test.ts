import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

async function run(argv: string[], cwd = fixtures) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd,
  });
  return { code, stdout, stderr };
}

describe('safeguard scan', () => {
  it('fails the gate on an unsuppressed high finding and honours inline suppressions', async () => {
    const { code, stdout } = await run(['scan', 'estate.yaml', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['tool', 'findings', 'errors', 'summary']);
    const sse = report.findings.filter(
      (finding: { ruleId: string }) => finding.ruleId === 's3-bucket-sse-kms',
    );
    const byResource = Object.fromEntries(sse.map((f: { resource: { id: string } }) => [f.resource.id, f]));
    expect(byResource.NotesBucket.suppressed).toBe(false);
    expect(byResource.NotesBucket.location).toEqual({ file: 'estate.yaml', line: 8 });
    expect(byResource.NotesBucket.controls[0].citations.hipaa).toContain('164.312(a)(2)(iv)');
    expect(byResource.ArchiveBucket.suppressed).toBe(true);
    expect(byResource.ArchiveBucket.suppression.reason).toMatch(/marketing/);
    expect(byResource.ExpiredBucket.suppressed).toBe(false);
    expect(byResource.ExpiredBucket.suppression.expired).toBe(true);
  });

  it('passes with --fail-on none and writes several formats', async () => {
    const out = mkdtempSync(join(tmpdir(), 'safeguard-cli-'));
    const { code, stderr } = await run([
      'scan',
      'estate.yaml',
      '--fail-on',
      'none',
      '-f',
      'sarif',
      '-o',
      join(out, 'r.sarif'),
      '-f',
      'html',
      '-o',
      join(out, 'r.html'),
    ]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/wrote sarif report/);
    expect(JSON.parse(readFileSync(join(out, 'r.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(out, 'r.html'), 'utf8')).toMatch(/<html/i);
  });

  it('pairs each --output with the --format before it, or infers it from the extension', async () => {
    const out = mkdtempSync(join(tmpdir(), 'safeguard-cli-'));
    const { code, stdout } = await run([
      'scan',
      'estate.yaml',
      '--fail-on',
      'none',
      '-f',
      'terminal',
      '-f',
      'json',
      '-o',
      join(out, 'r.json'),
      '-o',
      join(out, 'r.sarif'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/NotesBucket/);
    expect(JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')).tool.name).toBe('safeguard');
    expect(JSON.parse(readFileSync(join(out, 'r.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('exits 3 when an input cannot be parsed, naming file and line, while scanning the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safeguard-cli-'));
    writeFileSync(join(dir, 'broken.yaml'), 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n   bad: [\n');
    writeFileSync(join(dir, 'ok.yaml'), readFileSync(join(fixtures, 'estate.yaml')));
    const { code, stdout } = await run(['scan', '.', '--format', 'json'], dir);
    expect(code).toBe(3);
    const report = JSON.parse(stdout);
    expect(report.errors[0].file).toBe('broken.yaml');
    expect(report.errors[0].line).toBeGreaterThan(0);
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it.each([
    [['scan'], /name at least one/],
    [['scan', 'estate.yaml', '--format', 'pdf'], /--format must be one of/],
    [['scan', 'estate.yaml', '--fail-on', 'severe'], /--fail-on must be one of/],
    [['scan', 'estate.yaml', '--param', 'novalue'], /--param expects Key=Value/],
    [['scan', 'estate.yaml', '--bogus'], /Unknown option '--bogus'/],
    [['scan', 'estate.yaml', '-f', 'json', '-f', 'sarif'], /only one format can go to standard output/],
    [['scan', 'estate.yaml', '-o', 'report.pdf'], /put --format <fmt> before it/],
    [['scan', 'estate.yaml', '--var-file', 'nope.tfvars'], /--var-file nope.tfvars: file not found/],
    [['scan', 'estate.yaml', '--baseline', 'missing.json'], /--baseline missing.json: file not found/],
    [['explain', 'no-such-rule'], /no rule "no-such-rule"/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('usage error %j exits 2 with a clear message and no stack trace', async (argv, message) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says why a baseline cannot be used: a folder, or bytes that are not JSON (line, no quoted bytes)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safeguard-cli-'));
    writeFileSync(join(dir, 't.yaml'), readFileSync(join(fixtures, 'estate.yaml')));
    writeFileSync(join(dir, 'garbage.json'), '{\n  "version": 1,\n  \u0089PNG\n}');
    const folder = await run(['scan', 't.yaml', '--baseline', '.'], dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/--baseline \.: is a folder, not a file/);
    const garbage = await run(['scan', 't.yaml', '--baseline', 'garbage.json'], dir);
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toMatch(/garbage\.json:3: baseline is not valid JSON/);
    expect(garbage.stderr).not.toMatch(/PNG/);
  });

  it('takes --param __proto__=x as a parameter name, not a prototype', async () => {
    const { keyValues } = await import('./args.js');
    const values = keyValues('--param', ['__proto__=x', 'Env=prod']);
    expect(Object.keys(values)).toEqual(['__proto__', 'Env']);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });

  it('rejects a malformed config naming file, line and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safeguard-cli-'));
    writeFileSync(
      join(dir, '.safeguard.yml'),
      'failOn: high\nsuppressions:\n  - rule: s3-bucket-sse-kms\n    reason: no\n',
    );
    writeFileSync(join(dir, 't.yaml'), readFileSync(join(fixtures, 'estate.yaml')));
    const { code, stderr } = await run(['scan', 't.yaml'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /\.safeguard\.yml:4: suppressions\[0\]\.reason: a reason of at least 8 characters is required/,
    );
  });

  it('adopts a baseline: only new findings fail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safeguard-cli-'));
    writeFileSync(join(dir, 't.yaml'), readFileSync(join(fixtures, 'estate.yaml')));
    expect((await run(['baseline', 't.yaml', '-o', 'base.json'], dir)).code).toBe(0);
    expect((await run(['scan', 't.yaml', '--baseline', 'base.json', '-q'], dir)).code).toBe(0);
    writeFileSync(
      join(dir, 't.yaml'),
      `${readFileSync(join(fixtures, 'estate.yaml'), 'utf8')}  NewBucket:\n    Type: AWS::S3::Bucket\n`,
    );
    const after = await run(['scan', 't.yaml', '--baseline', 'base.json', '--format', 'json'], dir);
    expect(after.code).toBe(1);
    const active = JSON.parse(after.stdout).findings.filter((f: { suppressed: boolean }) => !f.suppressed);
    expect(new Set(active.map((f: { resource: { id: string } }) => f.resource.id))).toEqual(
      new Set(['NewBucket']),
    );
  });
});

describe('other commands', () => {
  it('lists rules, explains one with catalog citations, and prints stats', async () => {
    const list = await run(['rules']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/s3-bucket-sse-kms/);
    const explain = await run(['explain', 's3-bucket-sse-kms']);
    expect(explain.stdout).toMatch(/164\.312\(a\)\(2\)\(iv\)/);
    expect(explain.stdout).toMatch(/CloudFormation:/);
    const stats = await run(['rules', '--stats']);
    expect(stats.stdout).toMatch(/cdk-nag HIPAA Security rules covered: \d+/);
  });

  it('inventories resources with boundary membership', async () => {
    const { code, stdout } = await run(['inventory', 'estate.yaml', '--json']);
    expect(code).toBe(0);
    const inventory = JSON.parse(stdout);
    const notes = inventory.resources.find((r: { id: string }) => r.id === 'NotesBucket');
    expect(notes).toMatchObject({ service: 's3', eligibility: 'eligible', phi: true });
  });

  it('prints the catalog and a crosswalk', async () => {
    expect((await run(['catalog'])).stdout).toMatch(/hipaa/i);
    const crosswalk = await run(['catalog', 'crosswalk', 'hipaa', 'soc2']);
    expect(crosswalk.code).toBe(0);
    expect(crosswalk.stdout).toMatch(/164\.312/);
    expect((await run(['catalog', 'crosswalk', 'hipaa', 'iso'])).code).toBe(2);
  });
});
