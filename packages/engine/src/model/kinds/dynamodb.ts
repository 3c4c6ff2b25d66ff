import type { ResourceRef, Val } from '../values.js';
import type { BackupCoverage } from './backup.js';

/** Which key encrypts a table: DynamoDB always encrypts, the question is whose key. */
export type TableKeyType = 'aws-owned' | 'aws-managed' | 'customer-managed';

export interface TableFacts {
  readonly name: Val<string> | undefined;
  /** `AWS::DynamoDB::GlobalTable` (replicated across regions). */
  readonly global: boolean;
  /** @default PROVISIONED */
  readonly billingMode: Val<'PAY_PER_REQUEST' | 'PROVISIONED'>;
  /** Provisioned capacity under Application Auto Scaling, per dimension (table level). */
  readonly autoScaling: { readonly read: Val<boolean>; readonly write: Val<boolean> };
  /**
   * `aws-owned` when `SSESpecification.SSEEnabled` is false or absent; `aws-managed` for `SSEEnabled: true`
   * without a key (or with `alias/aws/dynamodb`); `customer-managed` with a `KMSMasterKeyId`.
   */
  readonly keyType: Val<TableKeyType>;
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /** Point-in-time recovery (every replica of a global table). @default false */
  readonly pointInTimeRecovery: Val<boolean>;
  /** @default false */
  readonly deletionProtection: Val<boolean>;
  readonly backupPlans: BackupCoverage;
}

declare module '../resource.js' {
  interface KindFacts {
    Table: TableFacts;
  }
}
