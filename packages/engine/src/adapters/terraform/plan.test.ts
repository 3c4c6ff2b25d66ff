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
});
