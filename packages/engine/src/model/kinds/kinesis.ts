import type { ResourceRef, Val } from '../values.js';

export interface KinesisStreamFacts {
  readonly name: Val<string> | undefined;
  /** `StreamEncryption.EncryptionType` / `encryption_type`: `KMS`, or `NONE` when absent (the AWS default). */
  readonly encryption: Val<'KMS' | 'NONE' | string>;
  /** The KMS key (`alias/aws/kinesis` is the AWS managed key). */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
}

declare module '../resource.js' {
  interface KindFacts {
    KinesisStream: KinesisStreamFacts;
  }
}
