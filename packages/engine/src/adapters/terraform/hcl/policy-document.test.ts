import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRef, isUnknown } from '../../../model/values.js';
import { loadTerraformFolder } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'sg-policy-document-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function policies(main: string): Promise<Map<string, unknown>> {
  writeFileSync(join(dir, 'main.tf'), main);
  const result = await loadTerraformFolder(dir, { cwd: dir });
  expect(result.errors).toEqual([]);
  return new Map(result.instances.map((instance) => [instance.address, instance.values.policy]));
}

describe('data "aws_iam_policy_document" in a folder scan', () => {
  it('renders statements, principals and conditions as the provider does, with count', async () => {
    const out = await policies(`
      data "aws_iam_policy_document" "tls" {
        count     = 1
        policy_id = "tls"
        statement {
          sid     = "DenyInsecure"
          effect  = "Deny"
          actions = ["s3:*"]
          resources = ["arn:aws:s3:::b/*"]
          principals {
            type        = "*"
            identifiers = ["*"]
          }
          condition {
            test     = "Bool"
            variable = "aws:SecureTransport"
            values   = ["false"]
          }
        }
        statement {
          actions = ["s3:GetObject"]
          principals {
            type        = "AWS"
            identifiers = ["arn:aws:iam::111122223333:root"]
          }
        }
      }
      resource "aws_s3_bucket_policy" "p" {
        bucket = "b"
        policy = data.aws_iam_policy_document.tls[0].json
      }
    `);
    expect(JSON.parse(out.get('aws_s3_bucket_policy.p') as string)).toEqual({
      Version: '2012-10-17',
      Id: 'tls',
      Statement: [
        {
          Sid: 'DenyInsecure',
          Effect: 'Deny',
          Action: ['s3:*'],
          Resource: ['arn:aws:s3:::b/*'],
          Principal: '*',
          Condition: { Bool: { 'aws:SecureTransport': ['false'] } },
        },
        {
          Effect: 'Allow',
          Action: ['s3:GetObject'],
          Principal: { AWS: ['arn:aws:iam::111122223333:root'] },
        },
      ],
    });
  });

  it('merges source and override documents by sid and keeps references as a structure', async () => {
    const out = await policies(`
      resource "aws_sqs_queue" "q" {}
      data "aws_iam_policy_document" "source" {
        statement {
          sid       = "A"
          actions   = ["sqs:SendMessage"]
          resources = [aws_sqs_queue.q.arn]
        }
      }
      data "aws_iam_policy_document" "merged" {
        source_policy_documents   = [data.aws_iam_policy_document.source.json]
        override_policy_documents = [jsonencode({ Statement = [{ Sid = "B", Effect = "Deny", Action = "sqs:*" }] })]
        statement {
          sid     = "B"
          actions = ["sqs:ReceiveMessage"]
        }
      }
      resource "aws_sqs_queue_policy" "p" {
        queue_url = aws_sqs_queue.q.url
        policy    = data.aws_iam_policy_document.merged.json
      }
    `);
    const document = out.get('aws_sqs_queue_policy.p') as { Statement: Record<string, unknown>[] };
    expect(document.Statement.map((statement) => [statement.Sid, statement.Effect])).toEqual([
      ['A', 'Allow'],
      ['B', 'Deny'],
    ]);
    const resource = (document.Statement[0]?.Resource as unknown[] | undefined)?.[0];
    expect(isRef(resource)).toBe(true);
  });

  it('stays unknown when a source document is read at plan time, and other data sources stay unknown', async () => {
    const out = await policies(`
      data "aws_iam_policy_document" "remote" {}
      data "aws_iam_policy_document" "merged" {
        source_policy_documents = [data.aws_iam_policy_document.remote.json, data.aws_s3_bucket_policy.x.policy]
      }
      data "aws_s3_bucket_policy" "x" {
        bucket = "b"
      }
      resource "aws_s3_bucket_policy" "p" {
        bucket = "b"
        policy = data.aws_iam_policy_document.merged.json
      }
    `);
    expect(isUnknown(out.get('aws_s3_bucket_policy.p'))).toBe(true);
  });
});
