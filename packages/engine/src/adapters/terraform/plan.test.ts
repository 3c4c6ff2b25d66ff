import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../inputs.js';
import type { Resource } from '../../model/resource.js';
import { isRef } from '../../model/values.js';
import { loadTerraformPlan } from './plan.js';

const rules = join(dirname(fileURLToPath(import.meta.url)), '../../rules/s3/fixtures/s3-bucket-sse-kms');

describe('Terraform plan JSON', () => {
  it('joins split S3 configuration through configuration references when ids are unknown', async () => {
    const model = await loadInputs(['fail.tfplan.json', 'pass.tfplan.json'], { cwd: rules });
    expect(model.errors).toEqual([]);
    const notes = model.resources.find(
      (r) => r.source.nativeId === 'aws_s3_bucket.notes',
    ) as Resource<'Bucket'>;
    expect(notes.kind).toBe('Bucket');
    expect(notes.facts.sseAlgorithm).toBe('aws:kms');
    expect(isRef(notes.facts.kmsKey) && notes.facts.kmsKey.$ref).toBe('pass.tfplan.json#aws_kms_key.phi');
    expect(notes.joined.map((source) => source.nativeId)).toEqual([
      'aws_s3_bucket_server_side_encryption_configuration.notes',
    ]);
    expect(notes.references).toEqual([]);
    // The folded configuration resource is not listed on its own.
    expect(
      model.resources.some(
        (r) => r.source.nativeType === 'aws_s3_bucket_server_side_encryption_configuration',
      ),
    ).toBe(false);
    const moduleBucket = model.resources.find(
      (r) => r.source.nativeId === 'module.archive.aws_s3_bucket.bad["scans"]',
    );
    expect(moduleBucket?.source.stack).toBe('module.archive');
    const unknownBucket = model.resources.find(
      (r) => r.source.nativeId === 'aws_s3_bucket.bad_sse_s3',
    ) as Resource<'Bucket'>;
    // `bucket` is not configured (bucket_prefix is): the provider computes it, so it is absent, not unknown.
    expect(unknownBucket.facts.name).toBeUndefined();
    expect(unknownBucket.facts.sseAlgorithm).toBe('AES256');
    expect(unknownBucket.service).toBe('s3');
  });

  it.each([
    ['{ "format_version": "2.0", "planned_values": {} }', /unsupported plan format_version "2.0"/],
    ['{ "planned_values": {} , "resource_changes": [] }', /not a Terraform plan: no "format_version"/],
    ['{ "format_version": "1.2", "resource_changes": [] }', /neither planned_values nor prior_state/],
    ['{ "format_version": "1.2",\n "planned_values": { ', /invalid JSON/],
  ])('reports a malformed plan: %s', (text, message) => {
    const output = loadTerraformPlan('plan.json', text);
    expect(output.instances).toEqual([]);
    expect(output.errors[0]?.file).toBe('plan.json');
    expect(output.errors[0]?.message).toMatch(message);
  });

  it('never throws on mutated plans', () => {
    const valid = readFileSync(join(rules, 'fail.tfplan.json'), 'utf8');
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .tuple(fc.nat({ max: valid.length }), fc.nat({ max: 30 }), fc.string({ maxLength: 20 }))
            .map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut)),
          fc.jsonValue().map((value) =>
            JSON.stringify({
              format_version: '1.2',
              planned_values: { root_module: value },
              configuration: value,
              resource_changes: value,
            }),
          ),
        ),
        (text) => {
          const output = loadTerraformPlan('plan.json', text);
          for (const error of output.errors) expect(error.file).toBe('plan.json');
        },
      ),
      { numRuns: 300 },
    );
  });

  const bucket = {
    address: 'aws_s3_bucket.b',
    mode: 'managed',
    type: 'aws_s3_bucket',
    name: 'b',
    values: { bucket: 'x' },
  };
  const plan = (rootModule: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ format_version: '1.2', planned_values: { root_module: rootModule }, ...extra });
  const messages = (text: string) =>
    loadTerraformPlan('plan.json', text).errors.map((error) => error.message);

  it('reports every container that does not have the shape Terraform writes, never reading it as empty', () => {
    expect(messages(plan([bucket]))).toEqual([
      'malformed Terraform plan: planned_values.root_module must be an object, not a list',
    ]);
    expect(messages(plan({ resources: { b: bucket } }))).toEqual([
      'malformed Terraform plan: planned_values.root_module.resources must be a list, not an object',
    ]);
    expect(messages(plan({ resources: [bucket], child_modules: { a: 1 } }))).toEqual([
      'malformed Terraform plan: planned_values.root_module.child_modules must be a list, not an object',
    ]);
    expect(
      messages(
        plan({
          resources: [
            5,
            { ...bucket, address: undefined },
            { ...bucket, address: 'aws_s3_bucket.t', type: 42 },
            { ...bucket, address: 'aws_s3_bucket.m', mode: undefined },
            { ...bucket, address: 'aws_s3_bucket.v', values: [1, 2] },
            {
              ...bucket,
              address: 'data.aws_iam_policy_document.d',
              mode: 'data',
              type: 'aws_iam_policy_document',
            },
          ],
        }),
      ),
    ).toEqual([
      'malformed Terraform plan: planned_values.root_module.resources[0] must be an object, not a number',
      'malformed Terraform plan: planned_values.root_module.resources[1] has no "address" string; the resource is not judged',
      'malformed Terraform plan: planned_values.root_module.resources[2] has no "type" string; the resource is not judged',
      'malformed Terraform plan: planned_values.root_module.resources[3] (aws_s3_bucket.m) has no "mode"',
      'malformed Terraform plan: planned_values.root_module.resources[4].values must be an object, not a list',
    ]);
    expect(messages(JSON.stringify({ format_version: '1.2', planned_values: [bucket] }))).toEqual([
      'malformed Terraform plan: planned_values must be an object, not a list',
    ]);
    expect(
      messages(plan({ resources: [bucket] }, { resource_changes: { a: 1 }, configuration: [1] })),
    ).toEqual([
      'malformed Terraform plan: resource_changes must be a list, not an object',
      'malformed Terraform plan: configuration must be an object, not a list',
    ]);
    expect(messages(JSON.stringify({ format_version: 1.2, planned_values: { root_module: {} } }))).toEqual([
      'not a Terraform plan: "format_version" must be a string such as "1.2", not a number',
    ]);
    // An empty configuration is a valid plan with nothing to judge.
    expect(messages(plan({}))).toEqual([]);
  });

  it('reads child modules nested to any depth, in the order of the file', () => {
    const depth = 50_000;
    const deep = JSON.stringify({
      address: 'module.deep',
      resources: [{ ...bucket, address: 'module.deep.aws_s3_bucket.b' }],
    });
    // Written as text: JSON.stringify itself would run out of stack at this depth.
    const nested = `${'{"address":"module.m","child_modules":['.repeat(depth)}${deep}${']}'.repeat(depth)}`;
    const last = JSON.stringify({
      address: 'module.z',
      resources: [{ ...bucket, address: 'module.z.aws_s3_bucket.b' }],
    });
    const text = `{"format_version":"1.2","planned_values":{"root_module":{"resources":[${JSON.stringify(bucket)}],"child_modules":[${nested},${last}]}}}`;
    const output = loadTerraformPlan('plan.json', text);
    expect(output.errors).toEqual([]);
    expect(output.instances.map((instance) => instance.address)).toEqual([
      'aws_s3_bucket.b',
      'module.deep.aws_s3_bucket.b',
      'module.z.aws_s3_bucket.b',
    ]);
  });

  it('gives the line of a JSON syntax error, in one line', () => {
    const output = loadTerraformPlan(
      'plan.json',
      '{\n  "format_version": "1.2",\n  "planned_values": tru\n}',
    );
    expect(output.errors).toHaveLength(1);
    expect(output.errors[0]?.line).toBe(3);
    expect(output.errors[0]?.message).toMatch(/^invalid JSON: [^\n]+$/);
    expect(output.errors[0]?.message).not.toMatch(/is not valid JSON|position/);
  });

  it('every managed resource of a plan is judged or reported (property)', () => {
    const entry = fc.oneof(
      fc.constant(bucket),
      fc.jsonValue(),
      fc.record(
        {
          address: fc.oneof(fc.string(), fc.integer()),
          mode: fc.constantFrom('managed', undefined),
          type: fc.oneof(fc.string(), fc.integer()),
          values: fc.jsonValue(),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const output = loadTerraformPlan('plan.json', plan({ resources: entries }));
        const managed = entries.filter(
          (item) =>
            typeof item === 'object' &&
            item !== null &&
            !Array.isArray(item) &&
            ((item as { mode?: unknown }).mode === undefined ||
              (item as { mode?: unknown }).mode === 'managed'),
        ).length;
        const notObjects = entries.filter(
          (item) => typeof item !== 'object' || item === null || Array.isArray(item),
        ).length;
        // Each entry is an instance or has an error; values of the wrong shape add an error but still judge.
        expect(output.instances.length + output.errors.length).toBeGreaterThanOrEqual(managed + notObjects);
      }),
      { numRuns: 300 },
    );
  });
});
