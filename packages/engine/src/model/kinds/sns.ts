import type { ResourceRef, Val } from '../values.js';
import type { PolicyStatement } from './s3.js';

export interface TopicFacts {
  readonly name: Val<string> | undefined;
  readonly fifo: Val<boolean>;
  /** KMS key (`KmsMasterKeyId`); `undefined`: not encrypted at rest with KMS. */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /** Statements of every topic policy naming the topic (`AWS::SNS::TopicPolicy`, `AWS::SNS::TopicInlinePolicy`). */
  readonly policy: Val<readonly PolicyStatement[]>;
}

declare module '../resource.js' {
  interface KindFacts {
    Topic: TopicFacts;
  }
}
