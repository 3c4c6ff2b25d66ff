// Terraform benchmark (issue #3): a generated plan JSON of N resources and a generated HCL folder of M
// resources, each scanned by the whole CLI (median of 3 runs, peak RSS from the process itself).
// Usage: node bench/terraform.mjs [--plan 50000] [--hcl 5000] [--runs 3] [--no-write]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const planSizes = [Math.round(option('plan', 50000) / 10), option('plan', 50000)];
const hclSizes = [Math.round(option('hcl', 5000) / 5), option('hcl', 5000)];
const runs = option('runs', 3);
const out = join(root, 'bench/out');
mkdirSync(out, { recursive: true });

/** Eight resources per unit: a bucket with split configuration, a key, a role with an attachment, a group with a rule. */
function planUnit(i, resources, changes, config) {
  const add = (type, name, values, unknown, expressions) => {
    const address = `${type}.${name}`;
    resources.push({
      address,
      mode: 'managed',
      type,
      name,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      values,
    });
    changes.push({
      address,
      mode: 'managed',
      type,
      name,
      change: { actions: ['create'], before: null, after: values, after_unknown: unknown },
    });
    config.push({ address, mode: 'managed', type, name, provider_config_key: 'aws', expressions });
  };
  const phi = i % 3 === 0;
  add(
    'aws_kms_key',
    `k${i}`,
    { enable_key_rotation: i % 2 === 0, deletion_window_in_days: i % 4 === 0 ? 7 : 30 },
    { arn: true, id: true, key_id: true },
    {},
  );
  add(
    'aws_s3_bucket',
    `b${i}`,
    { bucket: `clinic-${i}`, tags: phi ? { DataClassification: 'PHI' } : null },
    { arn: true, id: true },
    { bucket: { constant_value: `clinic-${i}` } },
  );
  add(
    'aws_s3_bucket_server_side_encryption_configuration',
    `b${i}`,
    {
      rule: [
        {
          apply_server_side_encryption_by_default: [{ sse_algorithm: i % 2 ? 'aws:kms' : 'AES256' }],
          bucket_key_enabled: true,
        },
      ],
    },
    {
      bucket: true,
      id: true,
      rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: true }] }],
    },
    {
      bucket: { references: [`aws_s3_bucket.b${i}.id`, `aws_s3_bucket.b${i}`] },
      rule: [
        {
          apply_server_side_encryption_by_default: [
            { kms_master_key_id: { references: [`aws_kms_key.k${i}.arn`, `aws_kms_key.k${i}`] } },
          ],
        },
      ],
    },
  );
  add(
    'aws_s3_bucket_versioning',
    `b${i}`,
    { versioning_configuration: [{ status: i % 5 ? 'Enabled' : 'Suspended' }] },
    { bucket: true, id: true },
    { bucket: { references: [`aws_s3_bucket.b${i}.id`, `aws_s3_bucket.b${i}`] } },
  );
  add(
    'aws_iam_role',
    `r${i}`,
    {
      assume_role_policy: JSON.stringify({
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
    },
    { arn: true, id: true },
    {},
  );
  add(
    'aws_iam_role_policy_attachment',
    `r${i}`,
    {
      policy_arn:
        i % 7 ? 'arn:aws:iam::aws:policy/ReadOnlyAccess' : 'arn:aws:iam::aws:policy/AdministratorAccess',
    },
    { id: true, role: true },
    { role: { references: [`aws_iam_role.r${i}.name`, `aws_iam_role.r${i}`] } },
  );
  add('aws_security_group', `g${i}`, { name: `g${i}`, vpc_id: 'vpc-123' }, { arn: true, id: true }, {});
  add(
    'aws_vpc_security_group_ingress_rule',
    `g${i}`,
    { cidr_ipv4: i % 6 ? '10.0.0.0/16' : '0.0.0.0/0', from_port: 22, to_port: 22, ip_protocol: 'tcp' },
    { id: true, security_group_id: true },
    { security_group_id: { references: [`aws_security_group.g${i}.id`, `aws_security_group.g${i}`] } },
  );
}

function writePlan(size) {
  const resources = [];
  const changes = [];
  const config = [];
  for (let i = 0; i < size / 8; i++) planUnit(i, resources, changes, config);
  const plan = {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: { root_module: { resources } },
    resource_changes: changes,
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } },
      root_module: { resources: config },
    },
  };
  const file = join(out, `plan-${size}.json`);
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

function writeHcl(size) {
  const dir = join(out, `hcl-${size}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'variables.tf'),
    'variable "env" {\n  default = "prod"\n}\nlocals {\n  tags = { Environment = var.env, Owner = "clinic" }\n}\n',
  );
  const perFile = 100;
  for (let f = 0; f < size / perFile; f++) {
    let text = '';
    for (let i = f * perFile; i < (f + 1) * perFile; i += 5) {
      text += `resource "aws_kms_key" "k${i}" {\n  enable_key_rotation = ${i % 2 === 0}\n  deletion_window_in_days = ${i % 4 === 0 ? 7 : 30}\n  tags = local.tags\n}\n`;
      text += `resource "aws_s3_bucket" "b${i}" {\n  bucket = format("clinic-%s-%d", var.env, ${i})\n  tags = merge(local.tags, { DataClassification = "${i % 3 === 0 ? 'PHI' : 'internal'}" })\n}\n`;
      text += `resource "aws_s3_bucket_server_side_encryption_configuration" "b${i}" {\n  bucket = aws_s3_bucket.b${i}.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "${i % 2 ? 'aws:kms' : 'AES256'}"\n      kms_master_key_id = aws_kms_key.k${i}.arn\n    }\n  }\n}\n`;
      text += `resource "aws_security_group" "g${i}" {\n  name = "g${i}-\${var.env}"\n  vpc_id = "vpc-123"\n  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["${i % 6 ? '10.0.0.0/16' : '0.0.0.0/0'}"]\n  }\n}\n`;
      text += `resource "aws_sqs_queue" "q${i}" {\n  for_each = toset(["a"])\n  name = "q${i}-\${each.key}"\n  kms_master_key_id = ${i % 2 ? `aws_kms_key.k${i}.arn` : 'null'}\n}\n`;
    }
    writeFileSync(join(dir, `main-${f}.tf`), text);
  }
  return dir;
}

function scan(path) {
  const times = [];
  let rss = 0;
  let summary;
  for (let run = 0; run < runs; run++) {
    const report = join(out, 'tf-report.json');
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        join(root, 'bench/max-rss.mjs'),
        join(root, 'packages/cli/bin/safeguard.js'),
        'scan',
        path,
        '-f',
        'json',
        '-o',
        report,
        '--fail-on',
        'none',
        '-q',
      ],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    times.push(performance.now() - started);
    if (result.status !== 0)
      throw new Error(`scan of ${path} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
    rss = Math.max(rss, Number(result.stderr.match(/safeguard-bench-max-rss-kb=(\d+)/)?.[1] ?? 0));
    summary = JSON.parse(
      spawnSync(
        'node',
        [
          '-e',
          `const r=require(${JSON.stringify(report)});console.log(JSON.stringify({findings:r.findings.length,resources:r.summary.resources,errors:r.errors.length}))`,
        ],
        { encoding: 'utf8' },
      ).stdout,
    );
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], rss, ...summary };
}

const rows = [];
for (const size of planSizes) rows.push({ input: 'plan JSON', size, ...scan(writePlan(size)) });
for (const size of hclSizes) rows.push({ input: 'HCL folder', size, ...scan(writeHcl(size)) });

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const date = new Date().toISOString().slice(0, 10);
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
let md = `# Terraform benchmark\n\nGenerated by \`node bench/terraform.mjs\` on ${date}. Never edit the numbers by hand; re-run the script.\n\nMachine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node.js ${process.version}.\n\n`;
md +=
  '| Input | Native resources | Canonical resources | Whole CLI run (median of ' +
  runs +
  ') | ms per 1k | Peak RSS | Findings | Input errors |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n';
for (const row of rows)
  md += `| ${row.input} | ${row.size.toLocaleString('en-US')} | ${row.resources?.toLocaleString('en-US')} | ${fmt(row.median)} | ${Math.round(row.median / (row.size / 1000))} | ${Math.round(row.rss / 1024)} MiB | ${row.findings?.toLocaleString('en-US')} | ${row.errors} |\n`;
const plan = rows.find((r) => r.input === 'plan JSON' && r.size === planSizes[1]);
const hcl = rows.find((r) => r.input === 'HCL folder' && r.size === hclSizes[1]);
md += `\n## Targets (issue #3)\n\n- ${planSizes[1].toLocaleString('en-US')}-resource plan JSON in under 5 s (whole CLI run): ${plan.median < 5000 ? 'met' : 'not met'} (${fmt(plan.median)})\n- ${hclSizes[1].toLocaleString('en-US')}-resource HCL folder in under 5 s (whole CLI run): ${hcl.median < 5000 ? 'met' : 'not met'} (${fmt(hcl.median)})\n- Linear growth: ms per 1k resources at ${planSizes[0].toLocaleString('en-US')} and ${planSizes[1].toLocaleString('en-US')} (plan), ${hclSizes[0].toLocaleString('en-US')} and ${hclSizes[1].toLocaleString('en-US')} (HCL) in the table; per-1k cost falling or flat means start-up dominates small inputs and growth is at most linear.\n`;
md += `\nThe plan is generated in the \`terraform show -json\` shape (planned values, \`after_unknown\` ids, configuration references), since no provider can be fetched here to run \`terraform plan\`. Each unit of eight resources holds a bucket with separate encryption and versioning resources joined through references whose ids are known only after apply, a KMS key, an IAM role with a policy attachment, and a security group with a separate ingress rule. The HCL folder uses variables, locals, \`merge\`, \`format\`, \`for_each\` and references across ${hclSizes[1] / 100} files.\n`;
console.log(md);
if (!args.includes('--no-write')) writeFileSync(join(root, 'docs/benchmarks/terraform.md'), md);
