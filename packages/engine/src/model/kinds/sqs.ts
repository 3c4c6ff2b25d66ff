import type { ResourceRef, Val } from '../values.js';
import type { PolicyStatement } from './s3.js';

export interface QueueFacts {
  readonly name: Val<string> | undefined;
  readonly fifo: Val<boolean>;
  /**
   * Server-side encryption: `kms` (a KMS key, `KmsMasterKeyId`), `sqs-managed` (SSE-SQS, the AWS default for
   * new queues), or `none` (`SqsManagedSseEnabled: false` without a key).
   */
  readonly encryption: Val<'kms' | 'sqs-managed' | 'none'>;
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /** Seconds a message is kept, 60–1,209,600. @default 345600 (4 days) */
  readonly messageRetentionSeconds: Val<number>;
  /** The queue's own dead-letter queue (`RedrivePolicy.deadLetterTargetArn`), if any. */
  readonly deadLetterTarget: Val<ResourceRef | string> | undefined;
  /** Model ids of queues whose `RedrivePolicy` names this queue as their dead-letter queue. */
  readonly deadLetterFor: readonly string[];
  /** Statements of every queue policy naming the queue (`AWS::SQS::QueuePolicy`, `AWS::SQS::QueueInlinePolicy`). */
  readonly policy: Val<readonly PolicyStatement[]>;
}

declare module '../resource.js' {
  interface KindFacts {
    Queue: QueueFacts;
  }
}
