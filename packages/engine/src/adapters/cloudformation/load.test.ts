import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../inputs.js';
import type { Resource } from '../../model/resource.js';
import { isRef, isUnknown } from '../../model/values.js';
import { loadCdkOut, loadCloudFormationFile, loadCloudFormationTemplate } from './index.js';

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
