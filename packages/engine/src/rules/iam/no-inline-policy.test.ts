import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../scan.js';

describe('iam-no-inline-policy messages', () => {
  it('name Terraform inline policies in Terraform words, CloudFormation ones in CloudFormation words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safeguard-inline-'));
    writeFileSync(
      join(dir, 'main.tf'),
      [
        'resource "aws_iam_role" "app" {',
        '  name               = "app"',
        '  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })',
        '  inline_policy {',
        '    name   = "logs"',
        '    policy = jsonencode({ Version = "2012-10-17", Statement = [] })',
        '  }',
        '}',
        'resource "aws_iam_role_policy" "extra" {',
        '  role   = aws_iam_role.app.id',
        '  policy = jsonencode({ Version = "2012-10-17", Statement = [] })',
        '}',
        '',
      ].join('\n'),
    );
    const tf = await scan({ paths: [dir] });
    const message = tf.findings.find((finding) => finding.ruleId === 'iam-no-inline-policy')?.message;
    expect(message).toBe('has 2 inline policies: inline_policy "logs", aws_iam_role_policy.extra');
    const cfn = await scan({
      paths: [join(import.meta.dirname, 'fixtures/iam-no-inline-policy/fail.cfn.yaml')],
    });
    expect(
      cfn.findings.filter((finding) => finding.ruleId === 'iam-no-inline-policy').map((f) => f.message),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/Policies entry|AWS::IAM::Policy/)]));
  });
});
