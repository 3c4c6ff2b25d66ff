import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  denyUploadsNamingOtherEncryption,
  type ReplicationDestination,
  useBucketPolicyForAccessLogs,
} from './buckets.js';
import { KEY_DELETION_WINDOW_DAYS } from './keys.js';
import { HIPAA_LOG_RETENTION_DAYS } from './log-group.js';
import { acknowledgeNag } from './nag-acknowledgements.js';
import { type HipaaOverride, requireHipaa } from './override.js';
import { PHI_TAG, tagAsPhi } from './phi.js';
import { acknowledgeSafeguard } from './safeguard-acknowledgements.js';

/** Backup retention required by R-INF-3/R-INF-11 (the longest RDS point-in-time window). */
export const BACKUP_RETENTION_DAYS = 35;

/**
 * Deterministic names of the disaster-recovery site, so the primary region can point at it without a
 * cross-region reference (which CDK would implement with a custom resource).
 */
export interface RecoverySiteNames {
  readonly region: string;
  readonly keyAlias: string;
  readonly keyAliasArn: string;
  readonly phiReplicaBucketName: string;
  readonly logArchiveReplicaBucketName: string;
  readonly accessLogBucketName: string;
  readonly vaultName: string;
  readonly vaultArn: string;
  /** Destination for {@link HipaaPhiBucket} replication. */
  readonly phiReplication: ReplicationDestination;
  /** Destination for {@link HipaaLogArchive} replication. */
  readonly logArchiveReplication: ReplicationDestination;
}

/**
 * Names of the recovery site of environment `prefix` in `region`, for the account of `scope`'s stack.
 * `prefix` must be lowercase letters, digits and hyphens (it becomes part of bucket names).
 */
export function recoverySiteNames(scope: Construct, prefix: string, region: string): RecoverySiteNames {
  if (!/^[a-z0-9][a-z0-9-]{1,24}$/.test(prefix)) {
    throw new Error(
      `${scope.node.path}: environment name "${prefix}" must be 2-25 lowercase letters, digits or hyphens ` +
        '(it is part of S3 bucket names)',
    );
  }
  const stack = Stack.of(scope);
  const keyAlias = `alias/${prefix}/dr`;
  const keyAliasArn = `arn:${stack.partition}:kms:${region}:${stack.account}:${keyAlias}`;
  const phiReplicaBucketName = `${prefix}-phi-replica-${stack.account}-${region}`;
  const logArchiveReplicaBucketName = `${prefix}-logs-replica-${stack.account}-${region}`;
  const vaultName = `${prefix}-dr-vault`;
  return {
    region,
    keyAlias,
    keyAliasArn,
    phiReplicaBucketName,
    logArchiveReplicaBucketName,
    accessLogBucketName: `${prefix}-dr-access-logs-${stack.account}-${region}`,
    vaultName,
    vaultArn: `arn:${stack.partition}:backup:${region}:${stack.account}:backup-vault:${vaultName}`,
    phiReplication: { bucketName: phiReplicaBucketName, region, keyArn: keyAliasArn, keyAlias },
    logArchiveReplication: { bucketName: logArchiveReplicaBucketName, region, keyArn: keyAliasArn, keyAlias },
  };
}

/** Props of {@link HipaaRecoverySite}. */
export interface HipaaRecoverySiteProps {
  /** Environment name (same as the primary's), used in the deterministic names. */
  readonly environmentName: string;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Object Lock retention (compliance mode) of the log archive replica.
   * @default 2192 days
   */
  readonly objectLockRetentionDays?: number;
  /** Reasoned deviations. */
  readonly overrides?: {
    /** Accept an Object Lock retention below six years on the log replica. */
    readonly objectLockRetention?: HipaaOverride;
  };
}

/**
 * The disaster-recovery region (R-INF-11): a region key, the PHI and log-archive replica buckets and a
 * KMS-encrypted backup vault that receives the cross-region backup copies. Deploy it before the primary.
 */
export class HipaaRecoverySite extends Construct {
  readonly names: RecoverySiteNames;
  readonly key: kms.Key;
  readonly phiReplicaBucket: s3.Bucket;
  readonly logArchiveReplicaBucket: s3.Bucket;
  readonly accessLogBucket: s3.Bucket;
  readonly vault: backup.BackupVault;

  constructor(scope: Construct, id: string, props: HipaaRecoverySiteProps) {
    super(scope, id);
    useBucketPolicyForAccessLogs(this);
    const stack = Stack.of(this);
    this.names = recoverySiteNames(this, props.environmentName, stack.region);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const lockDays = props.objectLockRetentionDays ?? HIPAA_LOG_RETENTION_DAYS;
    requireHipaa(
      this,
      lockDays >= HIPAA_LOG_RETENTION_DAYS,
      {
        requirement: 'Object Lock retention of at least 2192 days on the log archive replica',
        citation: 'R-INF-4, R-INF-7, 45 CFR 164.316(b)(2)(i)',
        fix: `Set objectLockRetentionDays to 2192 or more (got ${lockDays})`,
        overrideProp: 'overrides.objectLockRetention',
      },
      props.overrides?.objectLockRetention,
    );

    this.key = new kms.Key(this, 'Key', {
      alias: this.names.keyAlias,
      description: 'Disaster-recovery copies of PHI and logs (replica buckets, backup vault)',
      enableKeyRotation: true,
      pendingWindow: Duration.days(KEY_DELETION_WINDOW_DAYS),
      removalPolicy,
    });
    tagAsPhi(this.key);

    const baseline = {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy,
    } as const;
    this.accessLogBucket = new s3.Bucket(this, 'AccessLogBucket', {
      ...baseline,
      bucketName: this.names.accessLogBucketName,
      encryption: s3.BucketEncryption.S3_MANAGED,
      lifecycleRules: [
        {
          id: 'archive-access-logs',
          transitions: [{ storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(90) }],
          expiration: Duration.days(HIPAA_LOG_RETENTION_DAYS),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
    });
    this.phiReplicaBucket = new s3.Bucket(this, 'PhiReplicaBucket', {
      ...baseline,
      bucketName: this.names.phiReplicaBucketName,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'phi-replica/',
    });
    tagAsPhi(this.phiReplicaBucket);
    this.logArchiveReplicaBucket = new s3.Bucket(this, 'LogArchiveReplicaBucket', {
      ...baseline,
      bucketName: this.names.logArchiveReplicaBucketName,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(Duration.days(lockDays)),
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'logs-replica/',
      lifecycleRules: [
        {
          id: 'archive-to-glacier',
          transitions: [{ storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(90) }],
        },
      ],
    });
    acknowledgeNag(this.accessLogBucket, 'accessLogBucketSseS3', 'accessLogBucketNotReplicated');
    acknowledgeNag(this.phiReplicaBucket, 'replicaBucketNotReplicated');
    acknowledgeNag(this.logArchiveReplicaBucket, 'replicaBucketNotReplicated');
    // Replicas are written by S3 replication (s3:ReplicateObject, under the DR key); refuse any other upload
    // that asks for something other than SSE-KMS (R-INF-4).
    denyUploadsNamingOtherEncryption(this.phiReplicaBucket);
    denyUploadsNamingOtherEncryption(this.logArchiveReplicaBucket);
    acknowledgeSafeguard(this.accessLogBucket, 'accessLogBucketSseS3', 'accessLogBucketNotReplicated');
    acknowledgeSafeguard(this.phiReplicaBucket, 'replicaBucketNotReplicated');
    acknowledgeSafeguard(this.logArchiveReplicaBucket, 'replicaBucketNotReplicated');
    this.vault = new backup.BackupVault(this, 'Vault', {
      backupVaultName: this.names.vaultName,
      encryptionKey: this.key,
      removalPolicy,
    });
  }
}

/** Props of {@link HipaaBackup}. */
export interface HipaaBackupProps {
  /** Encrypts the primary-region vault (the PHI key). */
  readonly phiKey: kms.IKey;
  /** ARN of the disaster-recovery vault that receives a copy of every recovery point. */
  readonly disasterRecoveryVaultArn?: string;
  /**
   * Retention of recovery points (and their copies).
   * @default 35 days
   */
  readonly retentionDays?: number;
  /**
   * When the daily backup starts.
   * @default cron 05:00 UTC
   */
  readonly schedule?: events.Schedule;
  /**
   * Also select every resource tagged `DataClassification=PHI` (volumes, file systems, ...).
   * @default true
   */
  readonly selectByPhiTag?: boolean;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** Reasoned deviations. */
  readonly overrides?: {
    /** Accept a retention under 35 days. */
    readonly retention?: HipaaOverride;
    /** Accept a plan without a cross-region copy. */
    readonly crossRegionCopy?: HipaaOverride;
  };
}

/**
 * AWS Backup for the environment (R-INF-11): a KMS-encrypted vault, a daily plan with continuous backup
 * (point-in-time restore for RDS and S3), 35-day retention, and a copy of each recovery point to the
 * disaster-recovery vault. Databases and tables are added by ARN (`addResource`), everything tagged PHI by tag.
 */
export class HipaaBackup extends Construct {
  readonly vault: backup.BackupVault;
  readonly plan: backup.BackupPlan;
  private selections = 0;

  constructor(scope: Construct, id: string, props: HipaaBackupProps) {
    super(scope, id);
    const retentionDays = props.retentionDays ?? BACKUP_RETENTION_DAYS;
    requireHipaa(
      this,
      retentionDays >= BACKUP_RETENTION_DAYS,
      {
        requirement: 'backup retention of at least 35 days',
        citation: 'R-INF-3, R-INF-11, 45 CFR 164.308(a)(7)(ii)(A)',
        fix: `Set retentionDays to 35 or more (got ${retentionDays})`,
        overrideProp: 'overrides.retention',
      },
      props.overrides?.retention,
    );
    requireHipaa(
      this,
      props.disasterRecoveryVaultArn !== undefined,
      {
        requirement: 'a cross-region copy of every backup',
        citation: 'R-INF-11, 45 CFR 164.308(a)(7)(ii)(B)',
        fix: 'Pass disasterRecoveryVaultArn (HipaaRecoverySite names.vaultArn)',
        overrideProp: 'overrides.crossRegionCopy',
      },
      props.overrides?.crossRegionCopy,
    );
    this.vault = new backup.BackupVault(this, 'Vault', {
      encryptionKey: props.phiKey,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    const retention = Duration.days(retentionDays);
    this.plan = new backup.BackupPlan(this, 'Plan', { backupVault: this.vault });
    this.plan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'daily-with-continuous',
        scheduleExpression: props.schedule ?? events.Schedule.cron({ hour: '5', minute: '0' }),
        enableContinuousBackup: true,
        deleteAfter: retention,
        copyActions: props.disasterRecoveryVaultArn
          ? [
              {
                destinationBackupVault: backup.BackupVault.fromBackupVaultArn(
                  this,
                  'DisasterRecoveryVault',
                  props.disasterRecoveryVaultArn,
                ),
                deleteAfter: retention,
              },
            ]
          : undefined,
      }),
    );
    if (props.selectByPhiTag ?? true) {
      this.plan.addSelection('PhiTagged', {
        resources: [backup.BackupResource.fromTag(PHI_TAG.key, PHI_TAG.value)],
        allowRestores: true,
      });
    }
  }

  /** Selects resources by ARN (databases, tables, volumes) for the plan. */
  addResource(...resources: backup.BackupResource[]): void {
    this.selections += 1;
    this.plan.addSelection(`Selection${this.selections}`, { resources, allowRestores: true });
  }
}
