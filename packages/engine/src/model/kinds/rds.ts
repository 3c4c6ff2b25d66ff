import type { ResourceRef, Val } from '../values.js';
import type { BackupCoverage } from './backup.js';

/**
 * Where the master password comes from. Only the source is modelled, never the value (R-X-2).
 * - `managed`: `ManageMasterUserPassword` (RDS keeps it in Secrets Manager);
 * - `dynamic-reference`: a `{{resolve:secretsmanager:…}}` / `{{resolve:ssm-secure:…}}` reference;
 * - `literal`: a string in the template (a literal, or a parameter's `Default`);
 * - `parameter-echoed`: a parameter without `NoEcho` (shown in the console and `describe-stacks`);
 * - `deploy-time`: a value supplied at deploy time through a `NoEcho` parameter or another resource;
 * - `none`: no password (restored from a snapshot, a read replica, an Aurora cluster member).
 */
export type MasterPasswordSource =
  | 'managed'
  | 'dynamic-reference'
  | 'literal'
  | 'parameter-echoed'
  | 'deploy-time'
  | 'none';

/** The parameter group in force: the engine's default, one declared in the same input, or an external one. */
export type DbParameterGroup =
  | { readonly source: 'default' }
  | {
      readonly source: 'template';
      readonly group: string;
      readonly parameters: Val<Readonly<Record<string, Val<string>>>>;
    }
  | { readonly source: 'external'; readonly name: Val<string> };

/** Facts Database (instance) and DbCluster share, under the same names so one rule can judge both. */
export interface DbCommonFacts {
  readonly identifier: Val<string> | undefined;
  /** `postgres`, `mysql`, `mariadb`, `aurora-postgresql`, `aurora-mysql`, `oracle-ee`, `sqlserver-se`… (lower case). */
  readonly engine: Val<string>;
  /** `undefined`: the default version AWS picks at creation (the newest at that time). */
  readonly engineVersion: Val<string> | undefined;
  /** @default false (RDS instances without `StorageEncrypted`; Aurora Serverless v1 is always encrypted) */
  readonly storageEncrypted: Val<boolean>;
  /** `KmsKeyId`; `undefined` with encryption on: the AWS managed key `aws/rds`. */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /** Automated backups: `BackupRetentionPeriod` days (0 = off). @default 1 */
  readonly backupRetentionDays: Val<number>;
  /** @default false */
  readonly deletionProtection: Val<boolean>;
  /** `EnableIAMDatabaseAuthentication`. @default false */
  readonly iamAuthentication: Val<boolean>;
  /** `EnableCloudwatchLogsExports` (empty when none). */
  readonly logExports: Val<readonly Val<string>[]>;
  readonly masterPassword: MasterPasswordSource;
  readonly parameterGroup: DbParameterGroup;
  readonly performanceInsights: {
    /** @default false */
    readonly enabled: Val<boolean>;
    /** `undefined` with Performance Insights on: the AWS managed key `aws/rds`. */
    readonly kmsKey: Val<ResourceRef | string> | undefined;
  };
  /** Enhanced monitoring interval in seconds (0 = off). @default 0 */
  readonly monitoringInterval: Val<number>;
  /** @default true */
  readonly autoMinorVersionUpgrade: Val<boolean>;
  readonly backupPlans: BackupCoverage;
}

export interface DatabaseFacts extends DbCommonFacts {
  /**
   * The Aurora (or Multi-AZ DB) cluster this instance belongs to (`DBClusterIdentifier`); storage, backups,
   * IAM authentication and log exports are then the cluster's.
   */
  readonly cluster: Val<ResourceRef | string> | undefined;
  /** Read replica of another instance (`SourceDBInstanceIdentifier`): encryption and backups follow the source. */
  readonly replicaOf: Val<ResourceRef | string> | undefined;
  /**
   * `PubliclyAccessible`. When absent, AWS decides from whether the subnets' VPC has an internet gateway, so the
   * fact is unknown rather than guessed.
   */
  readonly publiclyAccessible: Val<boolean>;
  /** @default false */
  readonly multiAz: Val<boolean>;
}

export interface DbClusterFacts extends DbCommonFacts {
  /** `provisioned`, `serverless` (v1), … @default provisioned */
  readonly engineMode: Val<string>;
  /** A Multi-AZ DB cluster (non-Aurora, `DBClusterInstanceClass` set) may be public itself. @default false */
  readonly publiclyAccessible: Val<boolean>;
}

declare module '../resource.js' {
  interface KindFacts {
    Database: DatabaseFacts;
    DbCluster: DbClusterFacts;
  }
}
