import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { InputError, Resource } from '../../../model/resource.js';
import { isRef, isUnknown } from '../../../model/values.js';
import { buildTerraformResources, type TfInstance } from '../build.js';
import { loadTerraformFolder } from './index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

async function load(folder: string, options: Parameters<typeof loadTerraformFolder>[1] = {}) {
  const result = await loadTerraformFolder(folder, { cwd: fixtures, ...options });
  const byAddress = new Map(result.instances.map((instance) => [instance.address, instance]));
  const get = (address: string): TfInstance => {
    const instance = byAddress.get(address);
    if (!instance) throw new Error(`no instance ${address}; have ${[...byAddress.keys()].join(', ')}`);
    return instance;
  };
  return { ...result, get };
}

describe('Terraform HCL folder: variables, locals, functions', () => {
  it('applies variable precedence: default < terraform.tfvars < *.auto.tfvars < var files < -var', async () => {
    const { get, errors, inputs } = await load('basics', {
      varFiles: ['basics/extra.tfvars'],
      variables: { owner: 'records-team', kms_enabled: 'true' },
    });
    expect(errors).toEqual([]);
    expect(inputs).toEqual(
      expect.arrayContaining([
        'basics/main.tf',
        'basics/terraform.tfvars',
        'basics/prod.auto.tfvars',
        'basics/extra.tfvars',
      ]),
    );
    const bucket = get('aws_s3_bucket.notes');
    expect(bucket.values.bucket).toBe('clinic-prod-notes');
    expect(bucket.values.tags).toEqual({
      Environment: 'prod',
      DataClassification: 'PHI',
      Name: 'CLINIC-PROD',
    });
    expect(bucket.inputKey).toBe('basics');
    expect(bucket.file).toBe('basics/main.tf');
    expect(bucket.line).toBe(17);
    expect(bucket.module).toBe('');
    expect(bucket.region).toBe('us-east-1');
    const logs = get('aws_cloudwatch_log_group.app');
    expect(logs.region).toBe('us-west-2');
    expect(logs.values).toMatchObject({
      name: '/app/prod/007',
      retention_in_days: 35,
      kms_key_id: 'arn:aws:kms:us-west-2:111122223333:key/1',
      tags: { Owner: 'records-team', Subnets: 'A', Count: 2, Cidr: '10.0.2.0/24' },
    });
  });

  it('evaluates common functions and file() relative to the module', async () => {
    const { get } = await load('basics', { varFiles: ['basics/extra.tfvars'], variables: { owner: 'x' } });
    const policy = get('aws_iam_policy.p');
    expect(policy.values.policy).toBe('{"Version":"2012-10-17","Statement":[]}\n');
    expect(policy.values.description).toBe('{"a":[1,true,"x"],"b":"v"}');
    const misc = get('aws_ssm_parameter.misc').values;
    expect(misc.value).toBe('var-file|c|fallback|a-b|y|1|bcd|a_b_c|true|a|false|t|true');
    expect(misc.key_id).toBe(['$', '{literal}'].join(''));
    expect(misc.overwrite).toBe(true);
    expect(misc.allowed_pattern).toBe(2);
    expect(misc.insecure_value).toEqual({ a: 1, b: 2 });
    expect(misc.labels).toEqual(['a', 'c']);
    expect(misc.tags).toEqual({ Range: '[0,1,2]', Abs: 2, Ceil: 2, Floor: 1, Max: 5 });
    expect(isUnknown(misc.description) && misc.description.$unknown).toMatch(/timestamp\(\)/);
    expect(isUnknown(misc.tier) && misc.tier.$unknown).toMatch(/unsupportedfn\(\) is not supported/);
    expect(isUnknown(misc.data_type) && misc.data_type.$unknown).toMatch(/local\.nope is not declared/);
  });

  it('leaves a variable without any value unknown, with a hint, and reports no error', async () => {
    const { get, errors } = await load('basics');
    expect(errors).toEqual([]);
    const owner = (get('aws_cloudwatch_log_group.app').values.tags as Record<string, unknown>).Owner;
    expect(owner).toEqual({ $unknown: 'variable owner has no value (pass --var owner=… or a .tfvars file)' });
  });

  it('reports a local value cycle with its file and line, and keeps evaluating the rest', async () => {
    const { get, errors } = await load('cycle');
    expect(errors).toEqual([
      { file: 'cycle/main.tf', line: 2, message: 'local value cycle: local.a → local.b → local.a' },
    ]);
    const bucket = get('aws_s3_bucket.b');
    expect(isUnknown(bucket.values.bucket)).toBe(true);
    expect(bucket.values.acl).toBe('fine');
  });
});

describe('Terraform HCL folder: count, for_each, dynamic', () => {
  it('expands count and for_each to exact instance addresses', async () => {
    const { instances, get } = await load('expansion');
    const buckets = instances.filter((i) => i.type === 'aws_s3_bucket').map((i) => i.address);
    expect(buckets.sort()).toEqual([
      'aws_s3_bucket.docs["a"]',
      'aws_s3_bucket.docs["b"]',
      'aws_s3_bucket.logs[0]',
      'aws_s3_bucket.logs[1]',
      'aws_s3_bucket.maybe',
      'aws_s3_bucket.sets["x"]',
      'aws_s3_bucket.sets["y"]',
    ]);
    expect(get('aws_s3_bucket.logs[1]').values.bucket).toBe('logs-1');
    expect(get('aws_s3_bucket.docs["b"]').values).toEqual({ bucket: 'docs-b', tags: { Versioned: 'false' } });
    expect(get('aws_s3_bucket.sets["y"]').values.bucket).toBe('y');
  });

  it('keeps one instance at the plain address when count is not static, with count.index unknown', async () => {
    const { get } = await load('expansion');
    const maybe = get('aws_s3_bucket.maybe');
    expect(maybe.values.acl).toBe('private');
    expect(isUnknown(maybe.values.bucket) && maybe.values.bucket.$unknown).toMatch(
      /aws_s3_bucket\.maybe: count is not known statically \(variable unknown_count has no value/,
    );
  });

  it('expands dynamic blocks after static ones, with custom iterators, and leaves unknown ones unknown', async () => {
    const { get } = await load('expansion');
    const web = get('aws_security_group.web').values;
    expect(web.ingress).toEqual([
      { from_port: 443, to_port: 443, protocol: 'tcp' },
      { from_port: 80, to_port: 80, protocol: 'tcp' },
      { from_port: 8080, to_port: 8080, protocol: 'tcp' },
    ]);
    expect(web.egress).toEqual([{ cidr_blocks: ['0.0.0.0/0'], description: 'all' }]);
    const dynamic = get('aws_security_group.unknown_dynamic').values;
    expect(isUnknown(dynamic.ingress) && dynamic.ingress.$unknown).toMatch(/data\.aws_ip_ranges\.r/);
  });
});

describe('Terraform HCL folder: modules', () => {
  it('loads local modules with counted and keyed instances, inputs and outputs', async () => {
    const { get, instances } = await load('modules');
    expect(get('module.phi.aws_s3_bucket.this').values.bucket).toBe('bucket-phi');
    expect(get('module.many[1].aws_s3_bucket.this').values.bucket).toBe('bucket-many-1');
    const each = get('module.each["x"].aws_s3_bucket.this');
    expect(each.module).toBe('module.each["x"]');
    expect(each.file).toBe('modules/modules/bucket/main.tf');
    expect(each.line).toBe(14);
    expect(each.region).toBe('eu-west-1');
    expect(get('module.phi.aws_s3_bucket_server_side_encryption_configuration.this').values.bucket).toEqual({
      $ref: 'modules#module.phi.aws_s3_bucket.this',
      attribute: 'id',
    });
    // Outputs: a reference into the module stays a reference; a static output is its value.
    expect(get('aws_s3_bucket_versioning.phi').values.bucket).toEqual({
      $ref: 'modules#module.phi.aws_s3_bucket.this',
      attribute: 'id',
    });
    expect(get('aws_s3_bucket_versioning.many').values.bucket).toEqual({
      $ref: 'modules#module.many[1].aws_s3_bucket.this',
      attribute: 'id',
    });
    expect(get('aws_ssm_parameter.outputs').values.value).toBe('bucket-each-x');
    expect(instances.filter((i) => i.address.startsWith('module.many[')).length).toBe(4);
  });

  it('reports remote, missing and empty module sources and keeps scanning', async () => {
    const { errors, get } = await load('modules');
    expect(errors).toEqual<InputError[]>([
      {
        file: 'modules/main.tf',
        line: 22,
        message:
          'module "vpc": remote source "terraform-aws-modules/vpc/aws" is not fetched; run terraform init and scan the plan JSON instead',
      },
      {
        file: 'modules/main.tf',
        line: 27,
        message: expect.stringMatching(/module "gone": local source "\.\/modules\/missing" does not exist/),
      },
      {
        file: 'modules/main.tf',
        line: 31,
        message: 'module "empty": local source "./modules/empty" has no .tf files',
      },
    ]);
    const description = get('aws_ssm_parameter.outputs').values.description;
    expect(isUnknown(description) && description.$unknown).toMatch(/remote source/);
  });
});

describe('Terraform HCL folder: references', () => {
  it('turns direct references into ResourceRefs and keeps refs of unknown interpolations', async () => {
    const { get, errors } = await load('references');
    expect(errors).toEqual([]);
    expect(get('aws_s3_bucket_versioning.v').values.bucket).toEqual({
      $ref: 'references#aws_s3_bucket.b',
      attribute: 'id',
    });
    // A literal-valued attribute is still a reference: identity matters for joins.
    expect(get('aws_s3_bucket_server_side_encryption_configuration.e').values.bucket).toEqual({
      $ref: 'references#aws_s3_bucket.b',
      attribute: 'bucket',
    });
    // `"${aws_s3_bucket.b.id}"` is the same expression as `aws_s3_bucket.b.id`.
    expect(get('aws_s3_bucket_policy.p').values.bucket).toEqual({
      $ref: 'references#aws_s3_bucket.b',
      attribute: 'id',
    });
    expect(get('aws_s3_bucket_versioning.indexed').values.bucket).toEqual({
      $ref: 'references#aws_s3_bucket.counted[1]',
      attribute: 'id',
    });
    expect(get('aws_s3_bucket_versioning.keyed["b"]').values.bucket).toEqual({
      $ref: 'references#aws_s3_bucket.keyed["b"]',
      attribute: 'id',
    });
    expect(get('aws_s3_bucket_versioning.splat').values.bucket).toEqual([
      { $ref: 'references#aws_s3_bucket.counted[0]', attribute: 'id' },
      { $ref: 'references#aws_s3_bucket.counted[1]', attribute: 'id' },
    ]);
    const unindexed = get('aws_s3_bucket_versioning.unindexed').values.bucket;
    expect(isUnknown(unindexed) && unindexed.refs).toEqual([
      'references#aws_s3_bucket.counted[0]',
      'references#aws_s3_bucket.counted[1]',
    ]);
  });

  it('keeps references inside unknown values (interpolations, unknown conditions, data sources)', async () => {
    const { get } = await load('references');
    const group = get('aws_cloudwatch_log_group.lg').values;
    expect(group.name).toEqual({
      $unknown: 'aws_s3_bucket.b.id is known only after apply',
      refs: ['references#aws_s3_bucket.b'],
    });
    expect(isUnknown(group.kms_key_id) && group.kms_key_id.refs).toEqual(['references#aws_kms_key.k']);
    const tags = group.tags as Record<string, unknown>;
    expect(tags.Bucket).toEqual({ $ref: 'references#aws_s3_bucket.b', attribute: 'bucket' });
    expect(isUnknown(tags.Caller) && tags.Caller.$unknown).toMatch(/data\.aws_caller_identity\.me/);
    // jsonencode of a document with references keeps the document, so policy readers see statements.
    const policy = get('aws_s3_bucket_policy.p').values.policy as { Statement: { Resource: unknown[] }[] };
    expect(policy.Statement[0]?.Resource[0]).toEqual({
      $ref: 'references#aws_s3_bucket.b',
      attribute: 'arn',
    });
  });

  it('joins split bucket configuration through the shared Terraform mapping', async () => {
    const { instances } = await load('references');
    const errors: InputError[] = [];
    const resources = buildTerraformResources(instances, errors);
    const bucket = resources.find((r) => r.source.nativeId === 'aws_s3_bucket.b') as Resource<'Bucket'>;
    expect(bucket.kind).toBe('Bucket');
    expect(bucket.source.format).toBe('terraform-hcl');
    expect(bucket.joined.map((source) => source.nativeId)).toEqual(
      expect.arrayContaining([
        'aws_s3_bucket_versioning.v',
        'aws_s3_bucket_server_side_encryption_configuration.e',
      ]),
    );
    expect(bucket.facts.sseAlgorithm).toBe('aws:kms');
    expect(isRef(bucket.facts.kmsKey) && bucket.facts.kmsKey.$ref).toBe('references#aws_kms_key.k');
  });
});

describe('Terraform HCL folder: suppressions and bad input', () => {
  it('reads safeguard:ignore comments above and inside a resource block', async () => {
    const { get } = await load('suppressions');
    const archive = get('aws_s3_bucket.archive[1]');
    expect(archive.inlineSuppressions).toEqual([
      {
        rule: 'S3.VERSIONING',
        reason: 'archive bucket, objects are immutable',
        expires: '2030-01-31',
        file: 'suppressions/main.tf',
        line: 2,
      },
      {
        rule: 'S3.LOGGING',
        reason: 'logs bucket itself',
        expires: undefined,
        file: 'suppressions/main.tf',
        line: 3,
      },
      {
        rule: 'S3.REPLICATION',
        reason: undefined,
        expires: undefined,
        file: 'suppressions/main.tf',
        line: 7,
      },
    ]);
    expect(get('aws_s3_bucket.archive[0]').inlineSuppressions).toHaveLength(3);
    // Separated by a blank line: not attached. Inside a heredoc: not a comment.
    expect(get('aws_kms_key.k').inlineSuppressions).toEqual([
      {
        rule: 'KMS.POLICY',
        reason: 'inline, trailing',
        expires: '2025-06-30',
        file: 'suppressions/main.tf',
        line: 13,
      },
    ]);
  });

  it('reports invalid HCL with file and line and still loads the other files', async () => {
    const { errors, instances } = await load('invalid');
    expect(errors).toEqual([
      {
        file: 'invalid/broken.tf',
        line: 4,
        message:
          'invalid HCL: Invalid expression: Expected the start of an expression, but found an invalid expression token.',
      },
    ]);
    expect(instances.map((i) => i.address)).toEqual(['aws_s3_bucket.ok']);
  });

  it('reports a missing folder and a missing var file without throwing', async () => {
    const result = await loadTerraformFolder('does-not-exist', { cwd: fixtures, varFiles: ['nope.tfvars'] });
    expect(result.instances).toEqual([]);
    expect(result.errors.map((e) => e.file).sort()).toEqual(['does-not-exist', 'nope.tfvars']);
  });
});
