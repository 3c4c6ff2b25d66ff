import type { AnyRule } from '../rule.js';
import { sqsDeadLetterQueueRetention } from './dlq-retention.js';
import { sqsQueueDeadLetter } from './queue-dead-letter.js';
import { sqsQueueEncryption } from './queue-encryption.js';
import { sqsQueueSseKms } from './queue-sse-kms.js';
import { sqsQueueTlsOnly } from './queue-tls-only.js';

export const sqsRules: readonly AnyRule[] = [
  sqsQueueEncryption,
  sqsQueueSseKms,
  sqsQueueTlsOnly,
  sqsDeadLetterQueueRetention,
  sqsQueueDeadLetter,
];
