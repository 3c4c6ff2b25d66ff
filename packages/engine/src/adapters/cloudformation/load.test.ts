import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../inputs.js';
import type { Resource } from '../../model/resource.js';
import { isRef, isUnknown } from '../../model/values.js';
import { loadCdkOut, loadCloudFormationFile, loadCloudFormationTemplate } from './index.js';
import { parseTemplate } from './parse.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

function _properties(resource: Resource | undefined): Record<string, unknown> {
  expect(resource, 'resource present').toBeDefined();
  return (resource as Resource<'Unmodelled'>).kind === 'Unmodelled'
    ? ((resource as Resource<'Unmodelled'>).facts.properties as Record<string, unknown>)
    : {};
}

describe('CloudFormation intrinsics', () => {
  const output = loadCloudFormationFile(join(fixtures, 'intrinsics.yaml'), {
    cwd: fixtures,
    pseudo: { 'AWS::Region': 'eu-west-1' },
    parameters: {},
  });
  const byId = new Map(output.resources.map((resource) => [resource.source.nativeId, resource]));

  it('gives every resource its line', () => {
    expect(byId.get('Key')?.source.line).toBe(21);
    expect(byId.get('Logs')?.source.line).toBe(28);
    expect(byId.get('Other')?.source.file).toBe('intrinsics.yaml');
  });

  it('drops resources whose condition is false and keeps parameters defaults', () => {
    expect(byId.has('ProdOnly')).toBe(false);
    const prod = loadCloudFormationFile(join(fixtures, 'intrinsics.yaml'), {
      cwd: fixtures,
      parameters: { Env: 'prod' },
    });
    expect(prod.resources.some((resource) => resource.source.nativeId === 'ProdOnly')).toBe(true);
  });

  it('resolves Sub, FindInMap, Join, Select, Split and pseudo parameters; refs become references', () => {
    const logs = byId.get('Logs') as Resource;
    expect(logs.references).toContain('intrinsics.yaml#Key');
    // Logs are mapped by the security group's LogGroup mapping when present; read raw facts either way.
    const facts = logs.facts as unknown as Record<string, unknown>;
    const serialized = JSON.stringify(facts);
    expect(serialized).toContain('/app/dev/eu-west-1');
    expect(serialized).toContain('30');
    const other = JSON.stringify(byId.get('Other')?.facts);
    expect(other).toContain('a-subnet-b-x');
  });

  it('makes what is known only at deploy time explicit, never a guess', () => {
    const other = byId.get('Other') as Resource;
    const imported = other.tags.Imported;
    expect(isUnknown(imported)).toBe(true);
    const arn = other.tags.Arn;
    expect(isUnknown(arn)).toBe(true);
    expect(isUnknown(arn) && arn.refs).toEqual(['intrinsics.yaml#Key']);
    // Retention parameter has no default and no value.
    expect(JSON.stringify(other.facts)).toContain('the value of parameter Retention, which has none');
  });

  it('reports nothing for a valid template', () => {
    expect(output.errors).toEqual([]);
  });
});

describe('Fn::ForEach (AWS::LanguageExtensions)', () => {
  it('expands loops, nested loops and both identifier forms, with the loop line; an unknown collection is reported', () => {
    const output = loadCloudFormationFile(join(fixtures, 'for-each.yaml'), { cwd: fixtures });
    const ids = output.resources.map((resource) => resource.source.nativeId).sort();
    expect(ids).toEqual([
      'Key',
      'LabResultsInQueue',
      'LabResultsOutQueue',
      'LabResultsTable',
      'PatientsInQueue',
      'PatientsOutQueue',
      'PatientsTable',
    ]);
    const table = output.resources.find((resource) => resource.source.nativeId === 'LabResultsTable');
    expect(table?.source.line).toBe(10);
    expect(table?.tags.Purpose).toBe('Lab-Results');
    expect(JSON.stringify(table?.facts)).toContain('clinic-Lab-Results');
    expect(output.resources.find((r) => r.source.nativeId === 'PatientsInQueue')?.references).toContain(
      'for-each.yaml#Key',
    );
    expect(output.errors.map((error) => `${error.line}: ${error.message}`)).toEqual([
      '28: Fn::ForEach::Unknown: the collection is known only at deploy time; the resources it declares are not judged',
    ]);
  });
});

describe('nested stacks and cdk.out', () => {
  it('follows local nested templates, passes parameters as references, reports missing and remote ones', () => {
    const output = loadCloudFormationFile(join(fixtures, 'nested', 'parent.yaml'), { cwd: fixtures });
    const child = output.resources.find((resource) => resource.source.nativeId === 'ChildLogs');
    expect(child?.source.file).toBe('nested/child.yaml');
    expect(child?.source.stack).toBe('parent/Child');
    expect(child?.references).toContain('nested/parent.yaml#Key');
    const messages = output.errors.map((error) => `${error.file}:${error.line}: ${error.message}`);
    expect(messages).toEqual([
      'nested/parent.yaml:12: Missing: nested stack template not found: nested/missing.yaml',
      expect.stringMatching(/^nested\/parent\.yaml:16: Remote: nested stack template is remote/),
    ]);
  });

  it('reads a remote or deploy-time TemplateURL from the template of that path kept beside the master stack', () => {
    const output = loadCloudFormationFile(join(fixtures, 'master-stack', 'master.yaml'), {
      cwd: fixtures,
      pseudo: {},
    });
    const byId = new Map(output.resources.map((resource) => [resource.source.nativeId, resource]));
    // Longest matching tail of the URL's path: infrastructure/network.yaml (query string ignored).
    expect(byId.get('Vpc')?.source.file).toBe('master-stack/infrastructure/network.yaml');
    expect(byId.get('Vpc')?.source.stack).toBe('master/Network');
    // The literal tail of a deploy-time URL (after its last deploy-time part) names data.yaml; parameters pass.
    expect(byId.get('Logs')?.source.file).toBe('master-stack/data.yaml');
    expect(byId.get('Logs')?.references).toContain('master-stack/master.yaml#Key');
    expect(output.errors.map((error) => `${error.file}:${error.line}: ${error.message}`)).toEqual([
      'master-stack/master.yaml:24: Elsewhere: nested stack template is remote (https://my-templates.s3.amazonaws.com/clinic/not-here.yaml) and no template of that name is beside this one; scan that template separately',
    ]);
  });

  it('looks above the master for a folder + name match, within the scanned folder only', () => {
    const master = join(fixtures, 'master-stack', 'samples', 'master-existing-vpc.yaml');
    const output = loadCloudFormationFile(master, { cwd: fixtures, root: join(fixtures, 'master-stack') });
    expect(output.resources.find((r) => r.source.nativeId === 'Queue')?.source.file).toBe(
      'master-stack/templates/db.yaml',
    );
    // A bare file name is matched only in the master's own folder (data.yaml one level up is not taken).
    expect(output.errors.map((error) => `${error.line}: ${error.message}`)).toEqual([
      expect.stringMatching(
        /^7: ByNameOnly: nested stack template is remote \(https:\/\/s3\.amazonaws\.com\//,
      ),
    ]);
    // Without the scan's root, nothing above the master's folder is read.
    const alone = loadCloudFormationFile(master, { cwd: fixtures });
    expect(alone.errors).toHaveLength(2);
  });

  it('loads every stack of a cloud assembly with CDK paths, environment and nested stacks joined', () => {
    const output = loadCdkOut(join(fixtures, 'cloud-assembly'), { cwd: fixtures });
    expect(output.errors).toEqual([]);
    const bucket = output.resources.find(
      (resource) => resource.source.nativeId === 'Bucket83908E77',
    ) as Resource<'Bucket'>;
    expect(bucket.kind).toBe('Bucket');
    expect(bucket.source.cdkPath).toBe('AppStack/Bucket/Resource');
    expect(bucket.source.line).toBe(3);
    expect(bucket.facts.name).toBe('data-eu-west-1-123456789012');
    // The bucket policy lives in the nested stack and is folded into the bucket through the parameter.
    expect(bucket.facts.policy).toHaveLength(1);
    expect(bucket.joined.map((source) => source.nativeId)).toEqual(['PolicyABC123']);
    expect(output.resources.some((resource) => resource.source.nativeId === 'PolicyABC123')).toBe(false);
  });
});

describe('cross-stack references (Fn::ImportValue of an export in the same scan)', () => {
  const output = loadCdkOut(join(fixtures, 'cross-stack'), { cwd: fixtures });
  const byId = (id: string) => output.resources.find((resource) => resource.source.nativeId === id);
  const variables = (id: string) =>
    new Map(
      ((byId(id) as Resource<'Function'>).facts.environment as { name: string; value: unknown }[]).map(
        (variable) => [variable.name, variable.value],
      ),
    );

  it('resolves an import to the exported value: a reference to the other stack’s resource', () => {
    expect(output.errors).toEqual([]);
    const table = byId('PatientsTable') as Resource;
    expect(variables('Reader').get('TABLE_NAME')).toEqual({ $ref: table.id });
    expect(byId('Reader')?.references).toContain(table.id);
  });

  it('joins across stacks: a bucket policy that imports its bucket is folded into that bucket', () => {
    const bucket = byId('ExportsBucket') as Resource<'Bucket'>;
    expect(bucket.joined.map((source) => source.nativeId)).toEqual(['ExportsBucketPolicy']);
    expect(bucket.facts.policy).toHaveLength(1);
    expect(byId('ExportsBucketPolicy')).toBeUndefined();
  });

  it('leaves unknown (from another stack) what cannot be matched to one export of the same environment', () => {
    const reader = variables('Reader');
    // Exported by two stacks, not created (condition false), or leading back to itself.
    for (const name of ['SHARED', 'GONE', 'LOOP']) {
      const value = reader.get(name);
      expect(isUnknown(value) && value.imported, name).toBe(true);
    }
    // Another region does not see the export.
    const dr = variables('DrReader').get('TABLE_NAME');
    expect(isUnknown(dr) && dr.imported).toBe(true);
  });

  it('carries the PHI boundary across stacks', async () => {
    const { computeBoundary } = await import('../../evaluate/boundary.js');
    const model = await loadInputs([join(fixtures, 'cross-stack')], { cwd: fixtures });
    const boundary = computeBoundary(model);
    const reader = model.resources.find((resource) => resource.source.nativeId === 'Reader') as Resource;
    expect(boundary.reason(reader.id)).toBe('references PHI resource PatientsTable');
    const dr = model.resources.find((resource) => resource.source.nativeId === 'DrReader') as Resource;
    expect(boundary.has(dr.id)).toBe(false);
  });
});

describe('cross-stack references between template files of one folder', () => {
  it('takes literal exports as they are and carries resources exported by another file to the PHI boundary', async () => {
    const { computeBoundary } = await import('../../evaluate/boundary.js');
    const model = await loadInputs([join(fixtures, 'cross-stack-folder')], { cwd: fixtures });
    expect(model.errors).toEqual([]);
    const table = model.resources.find(
      (resource) => resource.source.nativeId === 'PatientsTable',
    ) as Resource;
    const reader = model.resources.find(
      (resource) => resource.source.nativeId === 'Reader',
    ) as Resource<'Function'>;
    const env = new Map(
      (reader.facts.environment as { name: string; value: unknown }[]).map((v) => [v.name, v.value]),
    );
    // app.yaml is read before data.yaml: exports are declared before any file is built.
    const tableName = env.get('TABLE_NAME');
    expect(isUnknown(tableName) && tableName.imported && tableName.refs).toEqual([table.id]);
    expect(env.get('EXPORTS_BUCKET')).toBe('clinic-exports');
    const missing = env.get('MISSING');
    expect(isUnknown(missing) && missing.imported && missing.refs).toBeUndefined();
    expect(computeBoundary(model).reason(reader.id)).toBe('references PHI resource PatientsTable');
  });
});

describe('bad input (R-ENG-8)', () => {
  const cases: [string, RegExp, number | undefined][] = [
    ['bad/invalid.yaml', /invalid YAML/, 6],
    ['bad/invalid.json', /invalid JSON/, 1],
    ['bad/unknown-tag.yaml', /unknown YAML tag/, 5],
    ['bad/wrong-shape.yaml', /Resources must be a mapping/, undefined],
    ['bad/junk.template', /binary|invalid|not a CloudFormation/, undefined],
  ];
  it.each(cases)('%s is reported with its reason and line', async (file, reason, line) => {
    const output = await loadInputs([file], { cwd: fixtures });
    expect(output.resources).toEqual([]);
    expect(output.errors).toHaveLength(1);
    expect(output.errors[0]?.file).toBe(file);
    expect(output.errors[0]?.message).toMatch(reason);
    if (line !== undefined) expect(output.errors[0]?.line).toBe(line);
  });

  it('reports template mistakes and still scans the rest of the file', async () => {
    const output = await loadInputs(['bad/semantic.yaml'], { cwd: fixtures });
    expect(output.errors.map((error) => `${error.line}: ${error.message}`)).toEqual([
      '3: A: resource has no Type',
      '5: B: Ref to "Nowhere", which is neither a parameter nor a resource',
      '9: C: Type must be a string such as AWS::S3::Bucket, not a number',
      '11: D: Type must be a string such as AWS::S3::Bucket, not a list',
    ]);
    expect(output.resources.map((resource) => resource.source.nativeId)).toEqual(['B']);
  });

  it('scans the good files of a folder and reports the bad ones', async () => {
    const output = await loadInputs(['.', 'no-such-file.yaml'], { cwd: fixtures });
    expect(output.errors.map((error) => error.file)).toEqual(
      expect.arrayContaining(['bad/invalid.yaml', 'bad/invalid.json', 'no-such-file.yaml']),
    );
    expect(output.resources.some((resource) => resource.source.nativeId === 'Bucket83908E77')).toBe(true);
  });

  const valid = readFileSync(join(fixtures, 'intrinsics.yaml'), 'utf8');

  it('never throws on random text, random JSON or mutated templates', () => {
    const mutated = fc
      .tuple(fc.nat({ max: valid.length }), fc.nat({ max: 40 }), fc.string({ maxLength: 30 }))
      .map(([at, remove, insert]) => valid.slice(0, at) + insert + valid.slice(at + remove));
    const randomTemplate = fc.jsonValue().map((value) => JSON.stringify({ Resources: value }));
    const nestedIntrinsics = fc
      .letrec((tie) => ({
        node: fc.oneof(
          { depthSize: 'small' },
          fc.string(),
          fc.integer(),
          fc.constantFrom('AWS::NoValue', 'Env', 'Key', 'Nope'),
          fc.record({ Ref: tie('node') }),
          fc.record({ 'Fn::Sub': tie('node') }),
          fc.record({ 'Fn::If': fc.array(tie('node'), { maxLength: 3 }) }),
          fc.record({ 'Fn::Select': fc.array(tie('node'), { maxLength: 3 }) }),
          fc.record({ 'Fn::Join': fc.array(tie('node'), { maxLength: 3 }) }),
          fc.record({ 'Fn::GetAtt': tie('node') }),
          fc.record({ 'Fn::FindInMap': fc.array(tie('node'), { maxLength: 4 }) }),
          fc.array(tie('node'), { maxLength: 3 }),
        ),
      }))
      .node.map((node) =>
        JSON.stringify({
          Parameters: { Env: { Type: 'String', Default: 'dev' } },
          Conditions: { C: { 'Fn::Equals': [node, 'x'] } },
          Resources: {
            Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: node } },
            Bucket: {
              Type: 'AWS::S3::Bucket',
              Condition: 'C',
              Properties: { BucketName: node, BucketEncryption: node },
            },
          },
        }),
      );
    fc.assert(
      fc.property(fc.oneof(fc.string(), mutated, randomTemplate, nestedIntrinsics), (text) => {
        const output = loadCloudFormationTemplate('random.yaml', text, { cwd: fixtures });
        for (const error of output.errors) {
          expect(error.file).toBe('random.yaml');
          expect(error.message.length).toBeGreaterThan(0);
        }
        for (const resource of output.resources) expect(resource.id.startsWith('random.yaml#')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps references of unresolved expressions for the PHI boundary', () => {
    const output = loadCloudFormationTemplate(
      'inline.yaml',
      'Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          ARN: !Sub "${T.Arn}/index/*"\n',
      { cwd: fixtures },
    );
    const fn = output.resources.find((resource) => resource.source.nativeId === 'F');
    expect(fn?.references).toEqual(['inline.yaml#T']);
    expect(isRef({ $ref: 'x' })).toBe(true);
  });
});

describe('bad input: red-team cases (R-ENG-8)', () => {
  const work = mkdtempSync(join(tmpdir(), 'safeguard-cfn-bad-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const good = 'Resources:\n  Good:\n    Type: AWS::S3::Bucket\n';
  let next = 0;
  /** A fresh folder under the work directory with the given files (text or bytes). */
  const folder = (files: Record<string, string | Buffer>): string => {
    const name = `case-${next++}`;
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(work, name, file)), { recursive: true });
      writeFileSync(join(work, name, file), content);
    }
    mkdirSync(join(work, name), { recursive: true });
    return name;
  };
  const ids = (output: { resources: readonly Resource[] }) =>
    output.resources.map((resource) => resource.source.nativeId).sort();
  const messages = (output: { errors: readonly { file: string; line?: number; message: string }[] }) =>
    output.errors.map((error) => `${error.file}:${error.line ?? '-'}: ${error.message}`);

  it('reports a template nested to any depth, never overflows the stack, and scans the other files', async () => {
    const shapes = {
      list: (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`,
      object: (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
      intrinsic: (depth: number) => `${'{"Fn::Join":["",['.repeat(depth)}"x"${']]}'.repeat(depth)}`,
      base64: (depth: number) => `${'{"Fn::Base64":'.repeat(depth)}"x"${'}'.repeat(depth)}`,
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(shapes) as (keyof typeof shapes)[])),
        fc.integer({ min: 1, max: 30_000 }),
        fc.boolean(),
        async (shape, depth, yaml) => {
          const value = shapes[shape](depth);
          const text = yaml
            ? `Resources:\n  Deep:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: ${value}\n`
            : `{"Resources":{"Deep":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":${value}}}}}`;
          const name = folder({ 'good.yaml': good, [yaml ? 'deep.yaml' : 'deep.json']: text });
          const output = await loadInputs([name], { cwd: work });
          expect(ids(output)).toContain('Good');
          for (const error of output.errors) {
            expect(error.file.startsWith(`${name}/deep.`)).toBe(true);
            expect(error.message).not.toMatch(/\n/);
          }
          // Either judged or reported: never dropped without a word.
          expect(ids(output).includes('Deep') || output.errors.length > 0).toBe(true);
        },
      ),
      { numRuns: 24 },
    );
  });

  it('names the line of every JSON syntax error, in one line without quoting the file', () => {
    const valid = JSON.stringify(
      { Resources: { A: { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'k', Value: 'v' }] } } } },
      null,
      2,
    );
    fc.assert(
      fc.property(
        fc.nat({ max: valid.length }),
        fc.nat({ max: 6 }),
        fc.constantFrom('', ',', '}', ']', '"', 'x', '\n', '{', ':', '\u0001', 'tru'),
        (at, remove, insert) => {
          const text = valid.slice(0, at) + insert + valid.slice(at + remove);
          let parses = true;
          try {
            JSON.parse(text);
          } catch {
            parses = false;
          }
          const output = loadCloudFormationTemplate('edited.json', text, { cwd: fixtures });
          // An edit of the opening brace makes the text YAML (as CloudFormation would read it).
          if (parses || !text.trimStart().startsWith('{')) return;
          const syntax = output.errors.find((error) => error.message.startsWith('invalid JSON'));
          expect(syntax, messages(output).join('; ')).toBeDefined();
          expect(syntax?.line).toBeGreaterThanOrEqual(1);
          expect(syntax?.line).toBeLessThanOrEqual(text.split('\n').length);
          expect(syntax?.message).not.toMatch(/\n|is not valid JSON|position/);
        },
      ),
      { numRuns: 300 },
    );
    const output = loadCloudFormationTemplate('t.json', '{\n "Resources": {\n  "A": tru\n }\n}', {});
    expect(output.errors).toHaveLength(1);
    expect(output.errors[0]?.line).toBe(3);
  });

  it('reads UTF-8 with a byte-order mark and UTF-16 with one; names UTF-16 without one', async () => {
    const json = '{"Resources":{"Bom":{"Type":"AWS::S3::Bucket"}}}';
    const yaml = 'Resources:\n  Wide:\n    Type: AWS::S3::Bucket\n';
    const name = folder({
      'bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]),
      'wide.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(yaml, 'utf16le')]),
      'wide-be.yaml': Buffer.concat([
        Buffer.from([0xfe, 0xff]),
        Buffer.from(yaml.replace('Wide', 'WideBe'), 'utf16le').swap16(),
      ]),
      'nobom.yaml': Buffer.from(yaml.replace('Wide', 'NoBom'), 'utf16le'),
    });
    const output = await loadInputs([name], { cwd: work });
    expect(ids(output)).toEqual(['Bom', 'Wide', 'WideBe']);
    expect(messages(output)).toEqual([
      `${name}/nobom.yaml:-: UTF-16 text without a byte-order mark: save the file as UTF-8`,
    ]);
    expect(loadCloudFormationTemplate('b.json', `\ufeff${json}`).errors).toEqual([]);
  });

  it('reads duplicate YAML keys last-wins, as CloudFormation deploys them (no error)', () => {
    const output = loadCloudFormationTemplate(
      'dup.yaml',
      [
        'Metadata:',
        '  Note: first',
        '  Note: second',
        'Resources:',
        '  Queue:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      SqsManagedSseEnabled: false',
        '      SqsManagedSseEnabled: true',
        '  Queue:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      KmsMasterKeyId: alias/aws/sqs',
        '',
      ].join('\n'),
    );
    expect(output.errors).toEqual([]);
    // The second `Queue` replaces the first, as in the deployed stack; its line is the one reported.
    expect(output.resources.map((resource) => [resource.source.nativeId, resource.source.line])).toEqual([
      ['Queue', 10],
    ]);
    // A merge key may repeat too.
    const merged = loadCloudFormationTemplate(
      'merge.yaml',
      'Base: &base {A: 1}\nOther: &other {B: 2}\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata:\n      <<: *base\n      <<: *other\n',
    );
    expect(merged.errors).toEqual([]);
  });

  it("reads flow collections continued at their key's indentation (AWS Solutions style), CRLF included", () => {
    const text = [
      'Resources:',
      '  App:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      Tags: [{',
      "      Key: 'Solutions:SolutionID', Value: 'SO0006 [waf]'},",
      '      {Key: Name, Value: "a } b"},',
      '      ]',
      '      DelaySeconds: 5',
      '  Next:',
      '    Type: AWS::SQS::Queue',
      '',
    ].join('\r\n');
    const output = loadCloudFormationTemplate('flow.yaml', text);
    expect(output.errors).toEqual([]);
    expect(output.resources.map((resource) => [resource.source.nativeId, resource.source.line])).toEqual([
      ['App', 2],
      ['Next', 10],
    ]);
    const parsed = parseTemplate('flow.yaml', text);
    if (!parsed.ok) throw new Error('did not parse');
    const app = (parsed.template.body.Resources as Record<string, { Properties: Record<string, unknown> }>)
      .App;
    expect(app?.Properties.Tags).toEqual([
      { Key: 'Solutions:SolutionID', Value: 'SO0006 [waf]' },
      { Key: 'Name', Value: 'a } b' },
    ]);
    expect(app?.Properties.DelaySeconds).toBe(5);
  });

  it("reads quoted scalars continued at their key's indentation, as CloudFormation does", () => {
    const text = [
      'Parameters:',
      '  Region:',
      '    Default: us-east-1',
      "    Description: 'AWS Region where the bucket is",
      '    hosted. Keep the default',
      "    Region, it''s fine.'",
      '    Type: String',
      '  Other:',
      '    Description: "a \\"quoted\\" word',
      '    and more"',
      '    Type: String',
      'Rules:',
      '  Sized:',
      '    Assertions:',
      '      - Assert: !Contains [[a, b], !ValueOf [Region, Name]]',
      'Resources:',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '    Metadata:',
      '      Script: |',
      "        'not a scalar start",
      '',
    ].join('\n');
    const output = loadCloudFormationTemplate('quick.yaml', text);
    expect(output.errors).toEqual([]);
    expect(output.resources.map((resource) => resource.source.line)).toEqual([17]);
    const parsed = parseTemplate('quick.yaml', text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const parameters = parsed.template.body.Parameters as Record<string, { Description: string }>;
    expect(parameters.Region?.Description).toBe(
      "AWS Region where the bucket is hosted. Keep the default Region, it's fine.",
    );
    expect(parameters.Other?.Description).toBe('a "quoted" word and more');
    // Block scalars are text: never re-indented.
    expect(
      (parsed.template.body.Resources as Record<string, { Metadata: { Script: string } }>).Queue?.Metadata
        .Script,
    ).toBe("'not a scalar start\n");
    // A quote that never closes is still an error, with its line.
    expect(
      messages(loadCloudFormationTemplate('open.yaml', "Resources:\n  Q:\n    Type: 'AWS::SQS::Queue\n")),
    ).toEqual([expect.stringMatching(/^open\.yaml:\d+: invalid YAML: Missing closing/)]);
  });

  it('reports declarations the build would read as absent, and still judges the resource', () => {
    const output = loadCloudFormationTemplate(
      'shape.yaml',
      [
        'Resources:',
        '  S:',
        '    Type: AWS::S3::Bucket',
        '    Properties: encrypted',
        '  Q:',
        '    Type: AWS::SQS::Queue',
        '    Condition: {"Fn::Equals": [1, 1]}',
        '    DependsOn: {S: true}',
        '    Properties: [1]',
        '  R:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '    DependsOn: [S, Q]',
      ].join('\n'),
    );
    expect(messages(output)).toEqual([
      'shape.yaml:2: S: Properties must be a mapping, not a string',
      'shape.yaml:5: Q: Properties must be a mapping, not a list',
      'shape.yaml:5: Q: Condition must be the name of a condition, not a mapping',
      'shape.yaml:5: Q: DependsOn must be a logical id or a list of them, not a mapping',
    ]);
    expect(ids(output)).toEqual(['Q', 'R', 'S']);
  });

  it('refuses a template larger than CloudFormation could ever accept, without parsing it', () => {
    const text = `Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: ${'a'.repeat(17 * 2 ** 20)}\n`;
    const output = loadCloudFormationTemplate('big.yaml', text);
    expect(messages(output)).toEqual([
      'big.yaml:-: template too large (17 MB): CloudFormation accepts at most 1 MB, Safeguard reads at most 16 MB',
    ]);
  });

  it('reports a cloud assembly whose manifest is malformed, and loads the stacks it can', () => {
    const stack = JSON.stringify({ Resources: { Bucket: { Type: 'AWS::S3::Bucket' } } });
    const manifest = (artifacts: unknown) => JSON.stringify({ version: '36.0.0', artifacts });
    const stackArtifact = (templateFile: unknown) => ({
      type: 'aws:cloudformation:stack',
      properties: { templateFile },
    });
    const name = folder({
      'cdk.out/manifest.json': manifest({
        Ok: stackArtifact('Ok.template.json'),
        Number: stackArtifact(42),
        NoProperties: { type: 'aws:cloudformation:stack' },
        Outside: stackArtifact('../../../etc/hostname'),
        Absolute: stackArtifact('/etc/hostname'),
        Empty: stackArtifact('Empty.template.json'),
        Self: { type: 'cdk:cloud-assembly', properties: { directoryName: '.' } },
      }),
      'cdk.out/Ok.template.json': stack,
      'cdk.out/Empty.template.json': JSON.stringify({ Parameters: { BootstrapVersion: { Type: 'String' } } }),
      'list/manifest.json': '{"version":"36.0.0","artifacts":[{"type":"aws:cloudformation:stack"}]}',
      'none/manifest.json': manifest({ Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } } }),
      'broken/manifest.json': '{"version":"36.0.0","artifacts":{\n',
    });
    const output = loadCdkOut(`${name}/cdk.out`, { cwd: work });
    expect(ids(output)).toEqual(['Bucket']);
    const manifestFile = `${name}/cdk.out/manifest.json`;
    expect(messages(output)).toEqual([
      `${manifestFile}:-: artifact "Number": stack artifact has no properties.templateFile; the stack is not scanned`,
      `${manifestFile}:-: artifact "NoProperties": stack artifact has no properties.templateFile; the stack is not scanned`,
      `${manifestFile}:-: artifact "Outside": templateFile "../../../etc/hostname" points outside the cloud assembly; not read`,
      `${manifestFile}:-: artifact "Absolute": templateFile "/etc/hostname" points outside the cloud assembly; not read`,
      `${manifestFile}:-: artifact "Self": nested cloud assembly "." is already part of this scan (it includes itself?)`,
    ]);
    expect(messages(loadCdkOut(`${name}/list`, { cwd: work }))).toEqual([
      `${name}/list/manifest.json:-: not a CDK cloud assembly manifest: "artifacts" is not an object`,
    ]);
    expect(messages(loadCdkOut(`${name}/none`, { cwd: work }))).toEqual([
      `${name}/none/manifest.json:-: the cloud assembly declares no CloudFormation stack (is \`cdk synth\` output complete?)`,
    ]);
    expect(messages(loadCdkOut(`${name}/broken`, { cwd: work }))).toEqual([
      `${name}/broken/manifest.json:2: invalid JSON: Expected property name or '}'`,
    ]);
  });

  it('names the nested stack whose template is missing, not a URL, or the template itself', () => {
    const name = folder({
      'parent.yaml': [
        'Resources:',
        '  NoUrl:',
        '    Type: AWS::CloudFormation::Stack',
        '  Self:',
        '    Type: AWS::CloudFormation::Stack',
        '    Properties:',
        '      TemplateURL: parent.yaml',
        '  Number:',
        '    Type: AWS::CloudFormation::Stack',
        '    Properties:',
        '      TemplateURL: 42',
        '  File:',
        '    Type: AWS::CloudFormation::Stack',
        '    Properties:',
        '      TemplateURL: file:///etc/hostname',
      ].join('\n'),
    });
    const output = loadCloudFormationFile(`${name}/parent.yaml`, { cwd: work });
    expect(messages(output)).toEqual([
      `${name}/parent.yaml:2: NoUrl: nested stack has no TemplateURL`,
      `${name}/parent.yaml:4: Self: nested stack template ${name}/parent.yaml includes itself (it is one of this stack's own parents)`,
      `${name}/parent.yaml:8: Number: nested stack TemplateURL must be a string, not number`,
      `${name}/parent.yaml:12: File: nested stack template is remote (file:///etc/hostname) and no template of that name is beside this one; scan that template separately`,
    ]);
  });

  it('judges one template deployed as two nested stacks as two stacks, and skips a nested stack not created', () => {
    const name = folder({
      'parent.yaml': [
        'Parameters:',
        '  WithAlarms:',
        '    Type: String',
        '    Default: "false"',
        'Conditions:',
        '  Alarms: !Equals [!Ref WithAlarms, "true"]',
        'Resources:',
        '  Open:',
        '    Type: AWS::CloudFormation::Stack',
        '    Properties:',
        '      TemplateURL: ./queue.yaml',
        '      Parameters: {Encrypted: "false"}',
        '  Closed:',
        '    Type: AWS::CloudFormation::Stack',
        '    Properties:',
        '      TemplateURL: ./queue.yaml',
        '      Parameters: {Encrypted: "true"}',
        '  NotCreated:',
        '    Type: AWS::CloudFormation::Stack',
        '    Condition: Alarms',
        '    Properties:',
        '      TemplateURL: ./missing.yaml',
      ].join('\n'),
      'queue.yaml': [
        'Parameters:',
        '  Encrypted:',
        '    Type: String',
        'Resources:',
        '  Queue:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      SqsManagedSseEnabled: !Ref Encrypted',
      ].join('\n'),
    });
    const output = loadCloudFormationFile(`${name}/parent.yaml`, { cwd: work });
    expect(output.errors).toEqual([]);
    const queues = output.resources.filter((resource) => resource.source.nativeId === 'Queue');
    expect(queues.map((queue) => [queue.source.stack, queue.source.file])).toEqual([
      ['parent/Open', `${name}/queue.yaml`],
      ['parent/Closed', `${name}/queue.yaml`],
    ]);
    expect(new Set(queues.map((queue) => queue.id)).size).toBe(2);
  });

  it('lets a central backup stack cover tagged data stores declared in other templates of the scan', async () => {
    const name = folder({
      'backup.yaml': [
        'Resources:',
        '  Plan:',
        '    Type: AWS::Backup::BackupPlan',
        '    Properties:',
        '      BackupPlan:',
        '        BackupPlanName: daily',
        '        BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default, Lifecycle: {DeleteAfterDays: 35}}]',
        '  ByTag:',
        '    Type: AWS::Backup::BackupSelection',
        '    Properties:',
        '      BackupPlanId: !Ref Plan',
        '      BackupSelection:',
        '        SelectionName: tagged',
        '        IamRoleArn: arn:aws:iam::123456789012:role/backup',
        '        ListOfTags: [{ConditionType: STRINGEQUALS, ConditionKey: backup, ConditionValue: daily}]',
        '  NamedOnly:',
        '    Type: AWS::Backup::BackupSelection',
        '    Properties:',
        '      BackupPlanId: !Ref Plan',
        '      BackupSelection:',
        '        SelectionName: named',
        '        IamRoleArn: arn:aws:iam::123456789012:role/backup',
        '        Resources: [arn:aws:dynamodb:us-east-1:123456789012:table/other]',
      ].join('\n'),
      'data.yaml': [
        'Resources:',
        '  Tagged:',
        '    Type: AWS::DynamoDB::Table',
        '    Properties:',
        '      KeySchema: [{AttributeName: id, KeyType: HASH}]',
        '      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]',
        '      Tags: [{Key: backup, Value: daily}]',
        '  Untagged:',
        '    Type: AWS::DynamoDB::Table',
        '    Properties:',
        '      KeySchema: [{AttributeName: id, KeyType: HASH}]',
        '      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]',
      ].join('\n'),
    });
    const output = await loadInputs([name], { cwd: work });
    expect(output.errors).toEqual([]);
    const plansOf = (id: string) => {
      const resource = output.resources.find((candidate) => candidate.source.nativeId === id);
      return (resource?.facts as { backupPlans?: unknown } | undefined)?.backupPlans;
    };
    expect(plansOf('Tagged')).toEqual([`${name}/backup.yaml#Plan`]);
    // A selection naming another table's ARN does not cover a table whose name is set at deploy time.
    expect(plansOf('Untagged')).toEqual([]);
  });

  it('follows symbolic links in a folder, reports broken ones and walks a link loop once', async () => {
    if (process.platform === 'win32') return;
    const name = folder({ 'real/t.yaml': good, 'other/o.yaml': good.replace('Good', 'Other') });
    symlinkSync('../other/o.yaml', join(work, name, 'real', 'linked.yaml'));
    symlinkSync('nowhere.yaml', join(work, name, 'real', 'broken.yaml'));
    symlinkSync('..', join(work, name, 'real', 'up'));
    symlinkSync('a.yaml', join(work, name, 'real', 'b.yaml'));
    symlinkSync('b.yaml', join(work, name, 'real', 'a.yaml'));
    const output = await loadInputs([`${name}/real`], { cwd: work });
    expect(ids(output)).toEqual(['Good', 'Other']);
    expect(messages(output).sort()).toEqual([
      `${name}/real/a.yaml:-: broken symbolic link (symbolic link loop)`,
      `${name}/real/b.yaml:-: broken symbolic link (symbolic link loop)`,
      `${name}/real/broken.yaml:-: broken symbolic link (file not found)`,
    ]);
    const loop = await loadInputs([`${name}/real/a.yaml`], { cwd: work });
    expect(messages(loop)).toEqual([`${name}/real/a.yaml:-: symbolic link loop`]);
  });

  it('refuses a named pipe instead of waiting on it forever', async () => {
    if (process.platform === 'win32') return;
    const name = folder({ 'good.yaml': good });
    execFileSync('mkfifo', [join(work, name, 'pipe.yaml')]);
    const output = await loadInputs([`${name}/pipe.yaml`, `${name}/good.yaml`], { cwd: work });
    expect(ids(output)).toEqual(['Good']);
    expect(messages(output)).toEqual([
      `${name}/pipe.yaml:-: not a regular file or folder (a pipe, socket or device)`,
    ]);
  });

  it('reports Terraform variables that nothing reads: a var file with no .tf folder, an undeclared --var', async () => {
    const name = folder({
      'good.yaml': good,
      'vars.tfvars': 'env = "prod"\n',
      'tf/main.tf':
        'variable "env" {\n  type = string\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.env\n}\n',
    });
    const alone = await loadInputs([`${name}/good.yaml`], { cwd: work, varFiles: [`${name}/vars.tfvars`] });
    expect(messages(alone)).toEqual([
      `${name}/vars.tfvars:-: variables file not read: no Terraform folder (.tf files) is scanned`,
    ]);
    const typo = await loadInputs([`${name}/tf`], { cwd: work, variables: { env: 'prod', evn: 'prod' } });
    expect(messages(typo)).toEqual([
      '--var evn:-: no Terraform root module in the scan declares this variable',
    ]);
    expect(ids(typo)).toEqual(['aws_s3_bucket.b']);
  });

  it('reads a plan without format_version as a plan, and names a Terraform state file', async () => {
    const name = folder({
      'plan.json': JSON.stringify({ planned_values: { root_module: { resources: [] } } }),
      'terraform.tfstate.json': JSON.stringify({
        version: 4,
        terraform_version: '1.9.5',
        serial: 3,
        lineage: 'x',
        resources: [],
      }),
    });
    const output = await loadInputs([`${name}/plan.json`, `${name}/terraform.tfstate.json`], { cwd: work });
    expect(messages(output)).toEqual([
      `${name}/terraform.tfstate.json:-: a Terraform state file, not a plan: scan the plan (\`terraform show -json plan.out\`) or the folder of .tf files`,
      `${name}/plan.json:-: not a Terraform plan: no "format_version" (produce it with \`terraform show -json plan.out\`)`,
    ]);
  });
});
