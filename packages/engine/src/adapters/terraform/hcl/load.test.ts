import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
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
    // A function Terraform has but the scanner does not implement: unknown, and no error.
    expect(isUnknown(misc.tier) && misc.tier.$unknown).toMatch(/rsadecrypt\(\) is not supported/);
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

describe('Terraform HCL folder: red-team bad input (R-ENG-8)', () => {
  const work = mkdtempSync(join(tmpdir(), 'safeguard-hcl-bad-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  let next = 0;
  const folder = (files: Record<string, string | Buffer>): string => {
    const name = `case-${next++}`;
    mkdirSync(join(work, name), { recursive: true });
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(work, name, file)), { recursive: true });
      writeFileSync(join(work, name, file), content);
    }
    return name;
  };
  const bucket = (name: string) => `resource "aws_s3_bucket" "${name}" {\n  bucket = "${name}"\n}\n`;
  const messages = (result: { errors: readonly InputError[] }) =>
    result.errors.map((error) => `${error.file}:${error.line ?? '-'}: ${error.message}`);

  it('reports module cycles instead of waiting on them forever', async () => {
    const name = folder({
      'main.tf': `module "self" {\n  source = "./"\n}\nmodule "a" {\n  source = "./a"\n}\nmodule "b" {\n  source = "./b"\n}\n${bucket('root')}`,
      'a/main.tf': `module "back" {\n  source = "../"\n}\n${bucket('a')}`,
      'b/main.tf': `module "c" {\n  source = "../c"\n}\n${bucket('b')}`,
      'c/main.tf': `module "b" {\n  source = "../b"\n}\n${bucket('c')}`,
    });
    const result = await loadTerraformFolder(name, { cwd: work });
    expect(messages(result)).toEqual([
      `${name}/a/main.tf:1: module "back": local source "../" calls this module back (a module cycle)`,
      `${name}/c/main.tf:1: module "b": local source "../b" calls this module back (a module cycle)`,
      `${name}/main.tf:1: module "self": local source "./" calls this module back (a module cycle)`,
    ]);
    expect(result.instances.map((instance) => instance.address).sort()).toEqual([
      'aws_s3_bucket.root',
      'module.a.aws_s3_bucket.a',
      'module.b.aws_s3_bucket.b',
      'module.b.module.c.aws_s3_bucket.c',
    ]);
  });

  it('judges a huge count once and says so, and stops nested expansions before memory runs out', async () => {
    const name = folder({
      'main.tf':
        'resource "aws_s3_bucket" "many" {\n  count  = 100000000\n  bucket = "x-${count.index}"\n}\nresource "aws_s3_bucket" "keys" {\n  for_each = { for i in range(1000) : "k${i}" => i }\n  bucket = each.key\n}\n',
    });
    const result = await loadTerraformFolder(name, { cwd: work });
    expect(messages(result)).toEqual([
      `${name}/main.tf:1: aws_s3_bucket.many: count expands to 100000000 instances, more than the 10000 Safeguard evaluates; judged once with count.index unknown`,
    ]);
    expect(
      result.instances.filter((instance) => instance.address.startsWith('aws_s3_bucket.many')),
    ).toHaveLength(1);
    expect(
      result.instances.filter((instance) => instance.address.startsWith('aws_s3_bucket.keys')),
    ).toHaveLength(1000);

    const nested = folder({
      'main.tf': 'module "m" {\n  source = "./m"\n  count  = 1000\n}\n',
      'm/main.tf': 'resource "aws_s3_bucket" "b" {\n  count  = 1000\n  bucket = "x"\n}\n',
    });
    const capped = await loadTerraformFolder(nested, { cwd: work });
    expect(messages(capped)).toEqual([
      `${nested}/m/main.tf:1: the configuration expands to more than 100000 resource and module instances (nested count/for_each); the instances from here on are not evaluated`,
    ]);
    expect(capped.instances.length).toBeLessThanOrEqual(100_000);
  });

  it('reads UTF-16 with a byte-order mark, and reports binary and malformed files in one line', async () => {
    const name = folder({
      'wide.tf': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bucket('wide'), 'utf16le')]),
      'image.tf': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      'many.tf': '}\n}\n}\n~\n',
      'bad.tf.json': '{"resource": {"aws_s3_bucket": {\n',
      'list.tf.json': '[1]',
    });
    const result = await loadTerraformFolder(name, { cwd: work });
    expect(result.instances.map((instance) => instance.address)).toEqual(['aws_s3_bucket.wide']);
    const byFile = new Map(result.errors.map((error) => [error.file.replace(`${name}/`, ''), error]));
    expect(byFile.get('image.tf')).toEqual({
      file: `${name}/image.tf`,
      line: 3,
      message: 'not a text file (binary content: a NUL byte)',
    });
    expect(byFile.get('bad.tf.json')?.line).toBe(2);
    expect(byFile.get('bad.tf.json')?.message).toMatch(/^invalid JSON: /);
    expect(byFile.get('list.tf.json')?.message).toBe('invalid Terraform JSON: the document is not an object');
    const many = byFile.get('many.tf');
    expect(many?.line).toBe(1);
    expect(many?.message).toMatch(/^invalid HCL: [^,]*(?: \(and \d+ more\))?$/);
    for (const error of result.errors) expect(error.message).not.toMatch(/\n|many\.tf:\d/);
  });

  it('reports what Terraform rejects statically: undeclared references and unknown functions', async () => {
    const name = folder({
      'main.tf': [
        'locals {',
        '  ok = "x"',
        '}',
        'resource "aws_s3_bucket" "__proto__" {',
        '  bucket = local.ok',
        '}',
        'resource "aws_s3_bucket" "refs" {',
        '  bucket = local.nope',
        '  acl    = var.nothing',
        '  policy = aws_iam_policy.absent.arn',
        '  tags   = { Name = lowercase("X"), Data = data.aws_caller_identity.none.account_id, J = join(",") }',
        '}',
        'resource "aws_s3_bucket" "toString" {',
        '  bucket = local.toString',
        '}',
      ].join('\n'),
    });
    const result = await loadTerraformFolder(name, { cwd: work });
    expect(messages(result)).toEqual([
      `${name}/main.tf:7: call to unknown function lowercase() (not a Terraform built-in function)`,
      `${name}/main.tf:7: join(): expects at least 2 arguments, got 1`,
      `${name}/main.tf:7: reference to undeclared data source data.aws_caller_identity.none`,
      `${name}/main.tf:7: reference to undeclared local value local.nope`,
      `${name}/main.tf:7: reference to undeclared resource aws_iam_policy.absent`,
      `${name}/main.tf:7: reference to undeclared variable "nothing"`,
      `${name}/main.tf:13: reference to undeclared local value local.toString`,
    ]);
    // A resource named __proto__ is a resource like any other (it was silently dropped).
    expect(result.instances.map((instance) => instance.address)).toEqual([
      'aws_s3_bucket.__proto__',
      'aws_s3_bucket.refs',
      'aws_s3_bucket.toString',
    ]);
    expect(result.instances[0]?.values.bucket).toBe('x');
    expect(isUnknown(result.instances[1]?.values.bucket)).toBe(true);
  });

  it('reports a variables file that is binary, UTF-16 without a mark, or not a JSON object', async () => {
    const name = folder({
      'main.tf':
        'variable "name" {\n  type = string\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n',
      'bin.tfvars': Buffer.from([0x89, 0x50, 0x00, 0x00]),
      'wide.tfvars': Buffer.from('name = "x"\n', 'utf16le'),
      'list.tfvars.json': '["x"]',
    });
    const result = await loadTerraformFolder(name, {
      cwd: work,
      varFiles: [`${name}/bin.tfvars`, `${name}/wide.tfvars`, `${name}/list.tfvars.json`],
    });
    expect(messages(result)).toEqual([
      `${name}/bin.tfvars:1: not a text file (binary content: a NUL byte)`,
      `${name}/list.tfvars.json:1: invalid variables file: the document is not an object`,
      `${name}/wide.tfvars:-: cannot read variables file: UTF-16 text without a byte-order mark: save the file as UTF-8`,
    ]);
  });
});
