import { describe, expect, it } from 'vitest';
import { find, scanJson } from '../scan-json.js';

type Expectation = readonly [rule: string, address: string, status: 'fail' | 'unknown'];

interface Example {
  readonly dir: string;
  /** Remote modules the example calls (terraform-aws-modules/vpc, kms, security-group): input errors by name. */
  readonly remote: readonly string[];
  /** Gaps a HIPAA reviewer finds in the example, by Terraform address, with the expected status. */
  readonly expected: readonly Expectation[];
  /** [rule, address, HIPAA citation] for a sample. */
  readonly citations: readonly (readonly [rule: string, address: string, citation: string])[];
  /** [rule, address] that must not be reported at all (compliant, or false positives fixed). */
  readonly absent: readonly (readonly [rule: string, address: string])[];
}

const base = 'examples/field/terraform';

const EXAMPLES: readonly Example[] = [
  {
    dir: `${base}/terraform-aws-sqs/examples/complete`,
    remote: ['kms'],
    expected: [
      ['sqs-queue-encryption', 'module.unencrypted_sqs.aws_sqs_queue.this[0]', 'fail'],
      ['sqs-queue-sse-kms', 'module.default_sqs.aws_sqs_queue.this[0]', 'fail'],
      ['sqs-queue-dead-letter', 'module.default_sqs.aws_sqs_queue.this[0]', 'fail'],
      ['sqs-dlq-retention', 'module.fifo_sqs.aws_sqs_queue.dlq[0]', 'fail'],
      // The queue policy is a data "aws_iam_policy_document" built from a map(object) with optional()
      // attributes: rendered, it allows the account and denies nothing, so TLS is not enforced (was unknown).
      ['sqs-queue-tls-only', 'module.sqs_with_dlq.aws_sqs_queue.this[0]', 'fail'],
      ['sqs-queue-tls-only', 'module.sqs_with_dlq.aws_sqs_queue.dlq[0]', 'fail'],
    ],
    citations: [
      ['sqs-queue-encryption', 'module.unencrypted_sqs.aws_sqs_queue.this[0]', '164.312(a)(2)(iv)'],
    ],
    absent: [
      // The CMK queue (key from the remote kms module) is not judged as SSE-SQS.
      ['sqs-queue-sse-kms', 'module.cmk_encrypted_sqs.aws_sqs_queue.this[0]'],
      ['sqs-queue-dead-letter', 'module.sqs_with_dlq.aws_sqs_queue.this[0]'],
    ],
  },
  {
    dir: `${base}/terraform-aws-s3-bucket/examples/complete`,
    remote: [],
    expected: [
      ['kms-key-rotation', 'aws_kms_key.objects', 'fail'],
      ['kms-key-deletion-window', 'aws_kms_key.objects', 'fail'],
      ['s3-bucket-sse-kms', 'module.simple_bucket.aws_s3_bucket.this[0]', 'fail'],
      ['s3-bucket-tls-only', 'module.simple_bucket.aws_s3_bucket.this[0]', 'fail'],
      ['s3-bucket-versioning', 'module.cloudfront_log_bucket.aws_s3_bucket.this[0]', 'fail'],
      ['s3-bucket-logging', 'module.cloudfront_log_bucket.aws_s3_bucket.this[0]', 'fail'],
      ['s3-bucket-key-enabled', 'module.s3_bucket.aws_s3_bucket.this[0]', 'fail'],
    ],
    citations: [['s3-bucket-sse-kms', 'module.simple_bucket.aws_s3_bucket.this[0]', '164.312(a)(2)(iv)']],
    absent: [
      // attach_deny_insecure_transport_policy = true: the module's combined aws_iam_policy_document, with
      // its _S3_BUCKET_ARN_ placeholders replaced, denies aws:SecureTransport = false (was unknown).
      ['s3-bucket-tls-only', 'module.s3_bucket.aws_s3_bucket.this[0]'],
      ['s3-bucket-tls-only', 'module.log_bucket.aws_s3_bucket.this[0]'],
      ['s3-bucket-sse-kms', 'module.s3_bucket.aws_s3_bucket.this[0]'],
      ['s3-bucket-versioning', 'module.s3_bucket.aws_s3_bucket.this[0]'],
      ['s3-bucket-public-access-block', 'module.s3_bucket.aws_s3_bucket.this[0]'],
    ],
  },
  {
    dir: `${base}/terraform-aws-s3-bucket/examples/object`,
    remote: [],
    expected: [
      ['s3-bucket-versioning', 'module.s3_bucket.aws_s3_bucket.this[0]', 'fail'],
      ['s3-bucket-sse-kms', 'module.s3_bucket_with_object_lock.aws_s3_bucket.this[0]', 'fail'],
      ['kms-key-rotation', 'aws_kms_key.this', 'fail'],
    ],
    citations: [],
    absent: [
      // Created with object_lock_enabled = true: S3 enables versioning itself (was a false "versioning is Disabled").
      ['s3-bucket-versioning', 'module.s3_bucket_with_object_lock.aws_s3_bucket.this[0]'],
    ],
  },
  {
    dir: `${base}/terraform-aws-rds-aurora/examples/postgresql`,
    remote: ['vpc', 'kms'],
    expected: [
      ['rds-storage-cmk', 'module.aurora.aws_rds_cluster.this[0]', 'fail'],
      ['rds-backup-retention', 'module.aurora.aws_rds_cluster.this[0]', 'fail'],
      ['rds-deletion-protection', 'module.aurora.aws_rds_cluster.this[0]', 'fail'],
      // instances = { 1 = { publicly_accessible = true } }: an optional() attribute set by the caller (was unknown).
      ['rds-public-access', 'module.aurora.aws_rds_cluster_instance.this["1"]', 'fail'],
      ['logs-log-group-retention', 'module.aurora.aws_cloudwatch_log_group.this["postgresql"]', 'fail'],
      // The ingress CIDRs come from the remote vpc module: honestly unknown.
      ['ec2-security-group-no-public-database-ports', 'module.aurora.aws_security_group.this[0]', 'unknown'],
    ],
    citations: [['rds-public-access', 'module.aurora.aws_rds_cluster_instance.this["1"]', '164.312(e)(1)']],
    absent: [
      // Instances "2" and "3" leave publicly_accessible and monitoring_interval out (optional → null): not
      // public, and coalesce() falls back to cluster_monitoring_interval = 30 (was a false "monitoring off").
      ['rds-public-access', 'module.aurora.aws_rds_cluster_instance.this["2"]'],
      ['rds-enhanced-monitoring', 'module.aurora.aws_rds_cluster_instance.this["2"]'],
      ['rds-enhanced-monitoring', 'module.aurora.aws_rds_cluster_instance.this["3"]'],
      ['rds-auto-minor-version-upgrade', 'module.aurora.aws_rds_cluster_instance.this["3"]'],
    ],
  },
  {
    dir: `${base}/terraform-aws-rds/examples/complete-postgres`,
    remote: ['vpc', 'security_group', 'kms'],
    expected: [
      ['rds-backup-retention', 'module.db.module.db_instance.aws_db_instance.this[0]', 'fail'],
      ['rds-deletion-protection', 'module.db.module.db_instance.aws_db_instance.this[0]', 'fail'],
      ['rds-performance-insights-cmk', 'module.db.module.db_instance.aws_db_instance.this[0]', 'fail'],
      ['rds-backup-enabled', 'module.db_default.module.db_instance.aws_db_instance.this[0]', 'fail'],
      ['rds-multi-az', 'module.db_default.module.db_instance.aws_db_instance.this[0]', 'fail'],
      [
        'logs-log-group-encrypted',
        'module.db.module.db_instance.aws_cloudwatch_log_group.this["postgresql"]',
        'fail',
      ],
    ],
    citations: [
      [
        'rds-backup-enabled',
        'module.db_default.module.db_instance.aws_db_instance.this[0]',
        '164.308(a)(7)(ii)(A)',
      ],
    ],
    absent: [
      ['rds-multi-az', 'module.db.module.db_instance.aws_db_instance.this[0]'],
      ['rds-public-access', 'module.db.module.db_instance.aws_db_instance.this[0]'],
      ['rds-storage-encrypted', 'module.db.module.db_instance.aws_db_instance.this[0]'],
    ],
  },
  {
    dir: `${base}/terraform-aws-lambda/examples/complete`,
    remote: ['s3_bucket'],
    expected: [
      // aws_sqs_queue.dlq is the dead_letter_target_arn of module.lambda_function: a DLQ keeping 4 days.
      ['sqs-dlq-retention', 'aws_sqs_queue.dlq', 'fail'],
      ['sqs-queue-sse-kms', 'aws_sqs_queue.dlq', 'fail'],
      // additional_policy_jsons grants xray:* on *.
      ['iam-policy-no-full-access', 'module.lambda_function.aws_iam_role.lambda[0]', 'fail'],
      // trusted_entities names a whole account (arn:aws:iam::…:root) without a condition.
      [
        'iam-role-trust-restricted',
        'module.lambda_with_mixed_trusted_entities.aws_iam_role.lambda[0]',
        'fail',
      ],
      ['lambda-function-environment-cmk', 'module.lambda_function.aws_lambda_function.this[0]', 'fail'],
      ['lambda-function-inside-vpc', 'module.lambda_function.aws_lambda_function.this[0]', 'fail'],
      ['logs-log-group-retention', 'aws_cloudwatch_log_group.custom', 'fail'],
    ],
    citations: [
      ['iam-policy-no-full-access', 'module.lambda_function.aws_iam_role.lambda[0]', '164.308(a)(4)(ii)(B)'],
    ],
    absent: [
      // A Lambda function's dead-letter queue needs no dead-letter queue of its own (was a false positive).
      ['sqs-queue-dead-letter', 'aws_sqs_queue.dlq'],
      ['lambda-function-dlq', 'module.lambda_function.aws_lambda_function.this[0]'],
    ],
  },
  {
    dir: `${base}/terraform-aws-kms/examples/complete`,
    remote: [],
    expected: [
      ['kms-key-rotation', 'module.kms_complete.aws_kms_key.this[0]', 'fail'],
      ['kms-key-deletion-window', 'module.kms_complete.aws_kms_key.this[0]', 'fail'],
      ['kms-key-deletion-window', 'module.kms_external.aws_kms_external_key.this[0]', 'fail'],
      // Multi-Region replicas were Unmodelled: their 7-day windows and the primary's rotation were not judged.
      ['kms-key-rotation', 'module.kms_replica.aws_kms_replica_key.this[0]', 'fail'],
      ['kms-key-deletion-window', 'module.kms_replica.aws_kms_replica_key.this[0]', 'fail'],
      ['kms-key-deletion-window', 'module.kms_replica_external.aws_kms_replica_external_key.this[0]', 'fail'],
    ],
    citations: [['kms-key-rotation', 'module.kms_complete.aws_kms_key.this[0]', '164.312(a)(2)(iv)']],
    absent: [
      // An asymmetric ECC_NIST_P256 signing key (DNSSEC) cannot be rotated automatically.
      ['kms-key-rotation', 'module.kms_dnssec_signing.aws_kms_key.this[0]'],
      // Defaults: rotation on (module default), 30-day window (AWS default).
      ['kms-key-rotation', 'module.kms_default.aws_kms_key.this[0]'],
      ['kms-key-deletion-window', 'module.kms_default.aws_kms_key.this[0]'],
    ],
  },
  {
    dir: `${base}/terraform-aws-dynamodb-table/examples/basic`,
    remote: [],
    expected: [
      ['dynamodb-table-pitr', 'module.dynamodb_table.aws_dynamodb_table.this[0]', 'fail'],
      ['dynamodb-table-cmk', 'module.dynamodb_table.aws_dynamodb_table.this[0]', 'fail'],
      ['dynamodb-table-in-backup-plan', 'module.dynamodb_table.aws_dynamodb_table.this[0]', 'fail'],
    ],
    citations: [
      ['dynamodb-table-pitr', 'module.dynamodb_table.aws_dynamodb_table.this[0]', '164.308(a)(7)(ii)(A)'],
    ],
    absent: [],
  },
];

describe('field test: terraform-aws-modules examples (HCL folders)', () => {
  it.each(EXAMPLES.map((example) => [example.dir, example] as const))('%s', async (dir, example) => {
    const { report } = await scanJson(dir);
    // Valid Terraform reads without input errors; only the remote modules are named (scan the plan for those).
    const errors = report.errors.map((error) => error.message);
    expect(errors.filter((message) => !/remote source ".*" is not fetched/.test(message))).toEqual([]);
    for (const name of example.remote)
      expect(errors.some((message) => message.startsWith(`module "${name}": remote source`))).toBe(true);
    const missing = example.expected
      .filter(([rule, address, status]) => find(report, rule, address)?.status !== status)
      .map(
        ([rule, address, status]) =>
          `${rule} on ${address} (${status}): ${find(report, rule, address)?.status}`,
      );
    expect(missing).toEqual([]);
    for (const [rule, address, citation] of example.citations) {
      const hipaa = (find(report, rule, address)?.controls ?? []).flatMap((c) => c.citations.hipaa ?? []);
      expect(hipaa, `${rule} on ${address}`).toContain(citation);
    }
    const unexpected = example.absent
      .filter(([rule, address]) => find(report, rule, address))
      .map(([rule, address]) => `${rule} on ${address}`);
    expect(unexpected).toEqual([]);
  });
});
