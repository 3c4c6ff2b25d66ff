import type { ResourceRef, Val } from '../values.js';

/** A policy statement, normalised across CloudFormation, Terraform and live AWS. */
export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: Val<'Allow' | 'Deny'>;
  /** `Principal` normalised: `'*'` for everyone; otherwise the listed principals by type. */
  readonly principal: Val<'*' | Readonly<Record<string, readonly Val<string>[]>>> | undefined;
  readonly actions: Val<readonly Val<string>[]>;
  readonly notActions: Val<readonly Val<string>[]> | undefined;
  readonly resources: Val<readonly Val<string | ResourceRef>[]>;
  /** `Condition` as written: operator → key → values. */
  readonly condition:
    | Val<Readonly<Record<string, Readonly<Record<string, Val<readonly Val<string>[]>>>>>>
    | undefined;
}

export interface BucketFacts {
  /** Bucket name, when set. */
  readonly name: Val<string> | undefined;
  /** Default encryption: `aws:kms`, `aws:kms:dsse`, `AES256` (SSE-S3, also the AWS default since 2023). */
  readonly sseAlgorithm: Val<'aws:kms' | 'aws:kms:dsse' | 'AES256' | string>;
  /** KMS key of the default encryption (`undefined`: the AWS managed key). */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  readonly bucketKeyEnabled: Val<boolean>;
  readonly versioning: Val<'Enabled' | 'Suspended' | 'Disabled'>;
  readonly publicAccessBlock: {
    readonly blockPublicAcls: Val<boolean>;
    readonly ignorePublicAcls: Val<boolean>;
    readonly blockPublicPolicy: Val<boolean>;
    readonly restrictPublicBuckets: Val<boolean>;
  };
  /** Canned ACL (`Private` when absent). */
  readonly acl: Val<string>;
  /** Statements of every bucket policy attached (joined from the separate policy resource). */
  readonly policy: readonly PolicyStatement[];
  /** Server access logging destination, if any. */
  readonly accessLogging: Val<{ readonly destination: Val<ResourceRef | string> | undefined }> | undefined;
  readonly replication: Val<{ readonly destinations: readonly Val<ResourceRef | string>[] }> | undefined;
  readonly objectLock: Val<{
    readonly enabled: boolean;
    readonly mode?: Val<string>;
    readonly days?: Val<number>;
  }>;
  /** Lifecycle transitions/expirations configured. */
  readonly lifecycleRules: Val<
    readonly { readonly enabled: Val<boolean>; readonly transitionsTo: readonly Val<string>[] }[]
  >;
}

declare module '../resource.js' {
  interface KindFacts {
    Bucket: BucketFacts;
  }
}
