import { defineRule, fail, pass, skip } from '../rule.js';

export const sqsQueueDeadLetter = defineRule({
  id: 'sqs-queue-dead-letter',
  title: 'SQS queues have a dead-letter queue',
  severity: 'low',
  rationale:
    'Without a dead-letter queue a message that keeps failing is retried until it expires and is silently lost; ' +
    'a DLQ keeps it for investigation (R-INF-4, integrity of PHI workflows).',
  remediation: {
    cloudformation:
      'Set RedrivePolicy: {deadLetterTargetArn: !GetAtt QueueDlq.Arn, maxReceiveCount: 5} and give the DLQ ' +
      'MessageRetentionPeriod: 1209600.',
    terraform:
      'Set redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 5 }).',
    console: 'SQS → queue → Edit → Dead-letter queue → Enabled, choose the DLQ and maximum receives.',
  },
  controls: ['data-integrity'],
  kinds: ['Queue'],
  check(queue) {
    // A dead-letter queue does not need a dead-letter queue of its own.
    if (queue.facts.deadLetterFor.length > 0) return skip;
    return queue.facts.deadLetterTarget === undefined
      ? fail('no dead-letter queue (RedrivePolicy not set)')
      : pass;
  },
});
