import type { ResourceRef, Val } from '../values.js';

export interface WarehouseFacts {
  /** @default false */
  readonly encrypted: Val<boolean>;
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /** @default false */
  readonly publiclyAccessible: Val<boolean>;
  /** @default false */
  readonly enhancedVpcRouting: Val<boolean>;
  /** Automated snapshots kept (days; 0 = off). @default 1 */
  readonly automatedSnapshotRetentionDays: Val<number>;
  /** @default true */
  readonly allowVersionUpgrade: Val<boolean>;
  readonly preferredMaintenanceWindow: Val<string> | undefined;
  /** Audit logging (`LoggingProperties` to S3 or CloudWatch). */
  readonly auditLogging: Val<boolean>;
  /** `require_ssl` of the cluster parameter group: default group → false. */
  readonly requireSsl: Val<boolean>;
}

declare module '../resource.js' {
  interface KindFacts {
    Warehouse: WarehouseFacts;
  }
}
