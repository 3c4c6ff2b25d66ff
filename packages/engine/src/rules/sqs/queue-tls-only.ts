import { isUnknown } from '../../model/values.js';
import { deniesInsecureTransport } from '../iam/statements.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const sqsQueueTlsOnly = defineRule({
  id: 'sqs-queue-tls-only',
  title: 'SQS queue policies deny requests made without TLS',
  severity: 'medium',
  rationale:
    'SQS still accepts plain HTTP on its legacy endpoint; a Deny on aws:SecureTransport=false guarantees that ' +
    'messages (which may carry ePHI) never travel unencrypted (encryption in transit).',
  remediation: {
    cloudformation:
      'Add an AWS::SQS::QueuePolicy with a statement {Effect: Deny, Principal: "*", Action: "sqs:*", Resource: ' +
      '!GetAtt Queue.Arn, Condition: {Bool: {aws:SecureTransport: "false"}}}.',
    terraform:
      'Add an aws_sqs_queue_policy with a Deny statement on sqs:* when aws:SecureTransport is false.',
    console:
      'SQS → queue → Access policy → Edit → add a Deny statement conditioned on aws:SecureTransport = false.',
  },
  controls: ['encryption-in-transit'],
  kinds: ['Queue'],
  check(queue) {
    const denies = deniesInsecureTransport(queue.facts.policy, 'sqs:SendMessage');
    if (isUnknown(denies)) return cannotVerify(`queue policy is ${denies.$unknown}`);
    return denies
      ? pass
      : fail('no queue policy statement denies requests without TLS (aws:SecureTransport = false)');
  },
});
