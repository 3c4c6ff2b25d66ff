import type { ResourceRef, Val } from '../values.js';

export interface ReplicationInstanceFacts {
  /** @default true (AWS DMS makes instances public unless told otherwise) */
  readonly publiclyAccessible: Val<boolean>;
  /** `KmsKeyId`; `undefined`: the AWS managed key `aws/dms`. */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
}

declare module '../resource.js' {
  interface KindFacts {
    ReplicationInstance: ReplicationInstanceFacts;
  }
}
