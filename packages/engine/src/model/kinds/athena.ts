import type { ResourceRef, Val } from '../values.js';

export interface AthenaWorkGroupFacts {
  readonly name: Val<string> | undefined;
  /**
   * `WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption` /
   * `configuration.result_configuration.encryption_configuration.encryption_option`: `SSE_S3`, `SSE_KMS` or
   * `CSE_KMS`, or `NONE` when absent (query results are then written as the client asks, unencrypted by default).
   */
  readonly resultEncryption: Val<'SSE_S3' | 'SSE_KMS' | 'CSE_KMS' | 'NONE' | string>;
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /** `EnforceWorkGroupConfiguration` / `enforce_workgroup_configuration` (default true): clients cannot override. */
  readonly enforced: Val<boolean>;
}

declare module '../resource.js' {
  interface KindFacts {
    AthenaWorkGroup: AthenaWorkGroupFacts;
  }
}
