import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../packages/engine/src/report/json.js';
import { root, scanJson } from '../scan-json.js';

/**
 * A hardened estate written from AWS documentation, not from Safeguard's rules (see README.md): it must pass the
 * gate — no unsuppressed high or critical finding, no "cannot verify" at those severities, no input error — and
 * the same estate with real gaps put back must fail it on the right resources.
 */

const HERE = 'examples/hardened-field';

const gating = (report: JsonReport) =>
  report.findings
    .filter((f) => !f.suppressed && (f.severity === 'critical' || f.severity === 'high'))
    .map((f) => `${f.severity} ${f.status} ${f.ruleId} on ${f.resource.id}: ${f.message}`);

describe('hardened field estate (never tuned against the rules)', () => {
  for (const input of ['cloudformation', 'terraform/clinic', 'terraform/clinic.tfplan.json']) {
    it(`${input}: no high or critical finding, no input error`, async () => {
      const { code, report } = await scanJson(`${HERE}/${input}`);
      expect(report.errors).toEqual([]);
      expect(gating(report)).toEqual([]);
      expect(code).toBe(0);
      expect(report.findings.length, 'the estate was read and judged').toBeGreaterThan(0);
    });
  }

  /** Real gaps put back into a copy of the CloudFormation estate: file, text, replacement, rule, resource. */
  const GAPS: readonly [file: string, from: string, to: string, rule: string, resource: string][] = [
    [
      'data.yaml',
      'SSEAlgorithm: aws:kms\n              KMSMasterKeyID: !GetAtt DataKey.Arn',
      'SSEAlgorithm: AES256',
      's3-bucket-sse-kms',
      'PatientDocumentsBucket',
    ],
    [
      'data.yaml',
      '      StorageEncrypted: true\n',
      '      StorageEncrypted: false\n',
      'rds-storage-encrypted',
      'PatientDbCluster',
    ],
    [
      'data.yaml',
      '          Value: Internal\n',
      '          Value: PHI\n',
      'dynamodb-table-cmk',
      'ClinicDirectoryTable',
    ],
    [
      'data.yaml',
      '      TransitEncryptionEnabled: true\n      TransitEncryptionMode: required\n',
      '',
      'elasticache-in-transit-encryption',
      'SessionCache',
    ],
    [
      'platform/education-site.json',
      '{\n            "Key": "DataClassification",\n            "Value": "Public"\n          }',
      '{\n            "Key": "Team",\n            "Value": "Web"\n          }',
      's3-bucket-sse-kms',
      'SiteBucket',
    ],
    [
      'api.json',
      '"LOG_LEVEL": "INFO"',
      '"LOG_LEVEL": "INFO",\n            "PARTNER_CLIENT_SECRET": "Xk9/Qz7RwP2+abcDEFghiJKL0mnoPQ"',
      'lambda-function-no-plaintext-secrets',
      'LabResultsFunction',
    ],
    [
      'app.yaml',
      '          CidrIp: 0.0.0.0/0\n          Description: HTTPS from the internet\n',
      '          CidrIp: 0.0.0.0/0\n          Description: HTTPS from the internet\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n',
      'ec2-security-group-no-public-ssh-rdp',
      'AlbSecurityGroup',
    ],
  ];

  const copies: string[] = [];
  afterAll(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

  it('the same estate with real gaps put back fails the gate on each of them', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'safeguard-hardened-field-'));
    copies.push(copy);
    cpSync(join(root, HERE, 'cloudformation'), copy, { recursive: true });
    for (const [file, from, to] of GAPS) {
      const path = join(copy, file);
      const text = readFileSync(path, 'utf8');
      expect(text.split(from).length, `${file} contains the text the gap replaces exactly once`).toBe(2);
      writeFileSync(path, text.replace(from, to));
    }
    const { code, report } = await scanJson(copy);
    expect(report.errors).toEqual([]);
    expect(code).toBe(1);
    const missing = GAPS.filter(
      ([, , , rule, resource]) =>
        !report.findings.some(
          (f) =>
            f.ruleId === rule &&
            f.resource.id === resource &&
            !f.suppressed &&
            (f.severity === 'high' || f.severity === 'critical'),
        ),
    ).map(([file, , , rule, resource]) => `${rule} on ${resource} (${file})`);
    expect(missing).toEqual([]);
  });
});
