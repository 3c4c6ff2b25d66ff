import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

/** R-INF-4: dead-letter queues keep messages the SQS maximum, 14 days. */
const FOURTEEN_DAYS = 1_209_600;

export const sqsDeadLetterQueueRetention = defineRule({
  id: 'sqs-dlq-retention',
  title: 'Dead-letter queues keep messages for 14 days',
  severity: 'medium',
  rationale:
    'A failed message lands in the dead-letter queue to be investigated and replayed; with the 4-day default it ' +
    'can expire over a long weekend and the record of a PHI transaction is lost (R-INF-4, integrity).',
  remediation: {
    cloudformation: 'Set MessageRetentionPeriod: 1209600 on the dead-letter AWS::SQS::Queue.',
    terraform: 'Set message_retention_seconds = 1209600 on the dead-letter aws_sqs_queue.',
    console: 'SQS → dead-letter queue → Edit → Message retention period → 14 days.',
  },
  controls: ['data-integrity', 'backup'],
  kinds: ['Queue'],
  check(queue) {
    if (queue.facts.deadLetterFor.length === 0) return skip;
    const seconds = queue.facts.messageRetentionSeconds;
    if (isUnknown(seconds)) return cannotVerify(`MessageRetentionPeriod is ${seconds.$unknown}`);
    if (seconds >= FOURTEEN_DAYS) return pass;
    return fail(
      `dead-letter queue keeps messages ${Math.round((seconds / 86400) * 10) / 10} days (${seconds} s); ` +
        `14 days (${FOURTEEN_DAYS} s) required (R-INF-4)`,
    );
  },
});
