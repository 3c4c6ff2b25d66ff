import type { ResourceRef, Val } from '../values.js';

/**
 * AWS Backup. A `BackupSelection` has no kind of its own: it is folded into its plan (`selections`) and, on the
 * protected side, into each resource it covers (`backupPlans` on Table, Database, DbCluster, FileSystem, Volume).
 */

/** Where a backup copy goes and how long it is kept there (R-INF-11: cross-region copies). */
export interface BackupCopy {
  /** Destination vault: a vault of the same input (same account and region), an ARN, or unknown. */
  readonly destination: Val<ResourceRef | string>;
  /** Region parsed from a literal destination ARN; `undefined` when the ARN is not literal. */
  readonly region: Val<string> | undefined;
  /** `Lifecycle.DeleteAfterDays` of the copy; `undefined`: kept until deleted by hand. */
  readonly retentionDays: Val<number> | undefined;
}

export interface BackupPlanRule {
  readonly name: Val<string> | undefined;
  readonly vault: Val<ResourceRef | string>;
  /** `Lifecycle.DeleteAfterDays`; `undefined`: recovery points are kept until deleted by hand. */
  readonly retentionDays: Val<number> | undefined;
  /** `EnableContinuousBackup` (point-in-time restore for RDS, S3, Aurora). @default false */
  readonly continuous: Val<boolean>;
  readonly copies: Val<readonly BackupCopy[]>;
}

/** What one selection assigns, normalised; matching against a resource is done by the resource's mapping. */
export interface BackupSelectionFacts {
  readonly name: Val<string> | undefined;
  /** `Resources`: references, ARNs or ARN patterns (`arn:aws:rds:*:*:db:*`, `*`). */
  readonly resources: Val<readonly Val<ResourceRef | string>[]>;
  readonly notResources: Val<readonly Val<ResourceRef | string>[]>;
  /** `ListOfTags` (OR-ed): tag key → value, STRINGEQUALS only (the only condition type AWS accepts). */
  readonly tags: Val<readonly { readonly key: Val<string>; readonly value: Val<string> }[]>;
  /** `Conditions` (AND-ed): operator (`StringEquals`, `StringLike`, `StringNotEquals`, `StringNotLike`) on a tag. */
  readonly conditions: Val<
    readonly { readonly operator: string; readonly key: Val<string>; readonly value: Val<string> }[]
  >;
}

export interface BackupPlanFacts {
  readonly name: Val<string> | undefined;
  readonly rules: Val<readonly BackupPlanRule[]>;
  /** Selections assigning resources to this plan (joined from `AWS::Backup::BackupSelection`). */
  readonly selections: readonly BackupSelectionFacts[];
}

export interface BackupVaultFacts {
  readonly name: Val<string> | undefined;
  /** `EncryptionKeyArn`; `undefined`: the AWS managed key `aws/backup`. */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /** Vault Lock (`LockConfiguration`); `undefined`: not locked. */
  readonly lock:
    | Val<{
        readonly minRetentionDays: Val<number> | undefined;
        readonly changeableForDays: Val<number> | undefined;
      }>
    | undefined;
}

/**
 * Model ids of the backup plans whose selections cover a resource. Unknown when a selection could cover it but
 * the match depends on a value known only at deploy time (and no selection covers it for certain).
 */
export type BackupCoverage = Val<readonly string[]>;

declare module '../resource.js' {
  interface KindFacts {
    BackupPlan: BackupPlanFacts;
    BackupVault: BackupVaultFacts;
  }
}
