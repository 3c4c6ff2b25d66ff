import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const sqsQueueSseKms = defineRule({
  id: 'sqs-queue-sse-kms',
  title: 'SQS queues outside the PHI boundary use KMS rather than SSE-SQS',
  severity: 'medium',
  rationale:
    'R-INF-4 asks for KMS on every queue: with SSE-SQS nobody can restrict or audit the key, and a queue that ' +
    'later starts carrying PHI is already non-compliant. PHI queues are judged by sqs-queue-encryption.',
  remediation: {
    cloudformation: 'Set KmsMasterKeyId: !Ref AppKey (or alias/aws/sqs at minimum) on the AWS::SQS::Queue.',
    terraform: 'Set kms_master_key_id on aws_sqs_queue instead of sqs_managed_sse_enabled.',
    console: 'SQS → queue → Edit → Encryption → SSE-KMS.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Queue'],
  check(queue, { boundary }) {
    if (boundary.has(queue.id)) return skip;
    const encryption = queue.facts.encryption;
    if (isUnknown(encryption)) return cannotVerify(`queue encryption is ${encryption.$unknown}`);
    // `none` is reported (high) by sqs-queue-encryption.
    if (encryption === 'sqs-managed')
      return fail('encrypted with SSE-SQS (SQS-owned keys), not a KMS key (R-INF-4)');
    return pass;
  },
});
