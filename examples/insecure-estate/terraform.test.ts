import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../packages/engine/src/scan.js';
import { find, root, scanJson } from '../scan-json.js';

const TF = 'examples/insecure-estate/terraform';
const INSECURE_HCL = `${TF}/insecure`;
const HARDENED_HCL = `${TF}/hardened`;
const INSECURE_PLAN = `${TF}/insecure.tfplan.json`;
const HARDENED_PLAN = `${TF}/hardened.tfplan.json`;

/** Deliberate gaps of the Terraform estate (same in the HCL folder and in its plan): rule → Terraform address. */
const EXPECTED: readonly [rule: string, address: string][] = [
  ['s3-bucket-sse-kms', 'module.phi_bucket["clinical-notes"].aws_s3_bucket.this'],
  ['s3-bucket-sse-kms', 'module.phi_bucket["lab-results"].aws_s3_bucket.this'],
  ['s3-bucket-public-access-block', 'module.phi_bucket["clinical-notes"].aws_s3_bucket.this'],
  ['s3-bucket-versioning', 'module.phi_bucket["lab-results"].aws_s3_bucket.this'],
  ['s3-bucket-tls-only', 'module.phi_bucket["clinical-notes"].aws_s3_bucket.this'],
  ['s3-bucket-phi-access-logging', 'module.phi_bucket["lab-results"].aws_s3_bucket.this'],
  ['kms-key-rotation', 'aws_kms_key.phi'],
  ['kms-key-deletion-window', 'aws_kms_key.phi'],
  ['ec2-security-group-no-public-ssh-rdp', 'aws_security_group.bastion'],
  ['iam-no-administrator-access', 'aws_iam_role.lab_ingest'],
  ['iam-policy-no-admin-access', 'aws_iam_policy.ops_full_access'],
  ['lambda-function-runtime-deprecated', 'aws_lambda_function.lab_ingest'],
  ['lambda-function-no-plaintext-secrets', 'aws_lambda_function.lab_ingest'],
  ['cloudtrail-multi-region', 'aws_cloudtrail.platform'],
  ['cloudtrail-log-file-validation', 'aws_cloudtrail.platform'],
  ['logs-log-group-retention', 'aws_cloudwatch_log_group.lab_ingest'],
  ['logs-log-group-encrypted', 'aws_cloudwatch_log_group.lab_ingest'],
  ['elb-http-listener-redirects-to-https', 'aws_lb.portal'],
  ['elb-listener-tls-policy', 'aws_lb.portal'],
  ['sqs-queue-encryption', 'aws_sqs_queue.lab_results'],
];

/**
 * Gaps whose rules judge Terraform only once the RDS and DynamoDB Terraform mappings are in (they were being
 * written alongside this estate): checked when the engine models the resource, skipped otherwise.
 */
const EXPECTED_DATA_STORES: readonly [rule: string, address: string][] = [
  ['rds-storage-encrypted', 'aws_db_instance.patient'],
  ['rds-public-access', 'aws_db_instance.patient'],
  ['rds-backup-retention', 'aws_db_instance.patient'],
  ['rds-master-password-not-plaintext', 'aws_db_instance.patient'],
  ['rds-engine-end-of-support', 'aws_db_instance.patient'],
  ['rds-force-ssl', 'aws_db_instance.patient'],
  ['dynamodb-table-pitr', 'aws_dynamodb_table.appointments'],
];

const CITATIONS: readonly [rule: string, address: string, citation: string][] = [
  ['s3-bucket-sse-kms', 'module.phi_bucket["lab-results"].aws_s3_bucket.this', '164.312(a)(2)(iv)'],
  ['elb-http-listener-redirects-to-https', 'aws_lb.portal', '164.312(e)(1)'],
  ['cloudtrail-multi-region', 'aws_cloudtrail.platform', '164.312(b)'],
];

/** Whether the engine maps this Terraform type to a canonical kind yet (a model entry that is not `Unmodelled`). */
async function modelled(input: string, address: string): Promise<boolean> {
  const result = await scan({ paths: [input], cwd: root, failOn: 'high' });
  return result.model.resources.some((r) => r.source.nativeId === address && r.kind !== 'Unmodelled');
}

describe.each([
  ['HCL folder', INSECURE_HCL],
  ['plan JSON', INSECURE_PLAN],
])('Northwind Clinic Terraform estate, insecure %s', (_label, input) => {
  it('fails the gate with every deliberate gap found on its Terraform address', async () => {
    const { code, report } = await scanJson(input);
    expect(report.errors).toEqual([]);
    expect(code).toBe(1);
    const expected = [...EXPECTED];
    for (const pair of EXPECTED_DATA_STORES) if (await modelled(input, pair[1])) expected.push(pair);
    expect(expected.length).toBeGreaterThanOrEqual(15);
    const missing = expected
      .filter(([rule, address]) => find(report, rule, address)?.suppressed !== false)
      .map(([rule, address]) => `${rule} on ${address}`);
    expect(missing).toEqual([]);
    for (const [rule, address, citation] of CITATIONS) {
      const hipaa = (find(report, rule, address)?.controls ?? []).flatMap((c) => c.citations.hipaa ?? []);
      expect(hipaa, `${rule} on ${address}`).toContain(citation);
    }
  });
});

describe('suppressions', () => {
  it('a `# safeguard:ignore` comment in the HCL suppresses its finding with the reason and expiry', async () => {
    const { report } = await scanJson(INSECURE_HCL);
    const finding = find(report, 's3-bucket-replication', 'aws_s3_bucket.access_logs');
    expect(finding?.suppressed).toBe(true);
    expect(finding?.suppression).toMatchObject({ origin: 'inline', expires: '2027-06-30' });
    expect(finding?.suppression?.reason).toMatch(/regional operational metadata/);
    // An ALB log bucket must use SSE-S3: the encryption rule does not flag it at all.
    expect(find(report, 's3-bucket-sse-kms', 'aws_s3_bucket.access_logs')).toBeUndefined();
  });

  it('a plan carries no comments: the same acceptance for a plan goes in the config file', async () => {
    const plain = await scan({ paths: [INSECURE_PLAN], cwd: root, failOn: 'high' });
    const active = plain.findings.find(
      (f) => f.ruleId === 's3-bucket-replication' && f.resource.id === 'aws_s3_bucket.access_logs',
    );
    expect(active?.suppressed).toBe(false);
    const configured = await scan({
      paths: [INSECURE_PLAN],
      cwd: root,
      failOn: 'high',
      config: {
        suppressions: [
          {
            rule: 's3-bucket-replication',
            resource: 'aws_s3_bucket.access_logs',
            reason:
              'Request logs are regional operational metadata, never ePHI; the audit archive is replicated',
            expires: '2027-06-30',
          },
        ],
      },
    });
    const suppressed = configured.findings.find(
      (f) => f.ruleId === 's3-bucket-replication' && f.resource.id === 'aws_s3_bucket.access_logs',
    );
    expect(suppressed?.suppressed).toBe(true);
  });
});

describe.each([
  ['HCL folder', HARDENED_HCL],
  ['plan JSON', HARDENED_PLAN],
])('Northwind Clinic Terraform estate, hardened %s', (_label, input) => {
  it('passes the gate: no high or critical finding and no input error', async () => {
    const { code, report } = await scanJson(input);
    expect(report.errors).toEqual([]);
    const active = report.findings.filter((f) => !f.suppressed);
    expect(
      active
        .filter((f) => f.severity === 'critical' || f.severity === 'high')
        .map((f) => `${f.ruleId} on ${f.resource.id}`),
    ).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('malformed Terraform input (R-ENG-8)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safeguard-tf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the file and line, exits 3, and still scans the other input', async () => {
    await mkdir(join(dir, 'broken'));
    await mkdir(join(dir, 'good'));
    writeFileSync(
      join(dir, 'broken', 'main.tf'),
      'resource "aws_s3_bucket" "notes" {\n  bucket = "northwind-notes"\n}\n\nresource "aws_kms_key" "k" {\n  description = "unterminated\n  enable_key_rotation = true\n',
    );
    writeFileSync(
      join(dir, 'good', 'main.tf'),
      'resource "aws_kms_key" "phi" {\n  description         = "PHI key"\n  enable_key_rotation = false\n}\n',
    );
    const { code, report } = await scanJson(['broken', 'good'], dir);
    expect(code).toBe(3);
    const error = report.errors.find((e) => e.file.includes('broken/main.tf'));
    expect(error, JSON.stringify(report.errors)).toBeDefined();
    expect(error?.line).toBeGreaterThan(0);
    expect(find(report, 'kms-key-rotation', 'aws_kms_key.phi')).toBeDefined();
  });
});
