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

export interface FirehoseDeliveryStreamFacts {
  readonly name: Val<string> | undefined;
  /**
   * `DeliveryStreamType` / the `kinesis_source_configuration` block: `DirectPut` (the AWS default: producers write
   * to Firehose, which buffers the records in its own storage) or `KinesisStreamAsSource` / `MSKAsSource` (the
   * records stay encrypted or not in the source, and Firehose server-side encryption cannot be enabled).
   */
  readonly source: Val<'DirectPut' | 'KinesisStreamAsSource' | 'MSKAsSource' | string>;
  /**
   * Server-side encryption of the buffered records: `DeliveryStreamEncryptionConfigurationInput.KeyType` /
   * `server_side_encryption { enabled = true, key_type }` — `AWS_OWNED_CMK` or `CUSTOMER_MANAGED_CMK`, or `NONE`
   * when absent or disabled (the AWS default).
   */
  readonly encryption: Val<'AWS_OWNED_CMK' | 'CUSTOMER_MANAGED_CMK' | 'NONE' | string>;
  /** The customer managed key (`KeyARN` / `key_arn`) when `encryption` is `CUSTOMER_MANAGED_CMK`. */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
}

declare module '../resource.js' {
  interface KindFacts {
    FirehoseDeliveryStream: FirehoseDeliveryStreamFacts;
  }
}
