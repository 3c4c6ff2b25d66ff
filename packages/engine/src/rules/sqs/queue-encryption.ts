import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

/**
 * Decision (R-INF-4 "SQS with KMS"): a queue with no server-side encryption fails everywhere; SSE-SQS
 * (SQS-owned keys) fails here only inside the PHI boundary, where key policy and key-use audit are required.
 * SSE-SQS outside the boundary is reported at medium by sqs-queue-sse-kms.
 */
export const sqsQueueEncryption = defineRule({
  id: 'sqs-queue-encryption',
  title: 'SQS queues are encrypted at rest, with KMS for PHI queues',
  severity: 'high',
  rationale:
    'Messages can carry ePHI between services; without encryption at rest they sit readable in SQS storage, and ' +
    'SSE-SQS uses keys nobody can restrict or audit, which is not enough for PHI (R-INF-4).',
  remediation: {
    cloudformation:
      'Set KmsMasterKeyId: !Ref PhiKey (and KmsDataKeyReusePeriodSeconds) on the AWS::SQS::Queue.',
    terraform: 'Set kms_master_key_id = aws_kms_key.phi.arn on aws_sqs_queue.',
    console:
      'SQS → queue → Edit → Encryption → Server-side encryption enabled → SSE-KMS with a customer managed key.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Queue'],
  equivalents: { awsConfig: ['sqs-queue-encrypted'] },
  check(queue, { boundary }) {
    const encryption = queue.facts.encryption;
    if (isUnknown(encryption)) return cannotVerify(`queue encryption is ${encryption.$unknown}`);
    if (encryption === 'none')
      return fail('server-side encryption is disabled (SqsManagedSseEnabled: false, no KMS key)');
    if (encryption === 'sqs-managed' && boundary.has(queue.id))
      return fail(
        `the queue is inside the PHI boundary (${boundary.reason(queue.id) ?? 'PHI'}) but uses SSE-SQS, not a KMS key`,
      );
    return pass;
  },
});
