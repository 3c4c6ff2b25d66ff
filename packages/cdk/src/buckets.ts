import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { HIPAA_LOG_RETENTION_DAYS } from './log-group.js';
import { acknowledgeNag } from './nag-acknowledgements.js';
import { type HipaaOverride, requireHipaa } from './override.js';
import { tagAsPhi } from './phi.js';
import { acknowledgeSafeguard } from './safeguard-acknowledgements.js';

/** Where a bucket replicates to: a bucket in another region, encrypted there with that region's key. */
export interface ReplicationDestination {
  /** Destination bucket name (deterministic, so no cross-region reference is needed). */
  readonly bucketName: string;
  /** Region of the destination bucket. */
  readonly region: string;
  /** Alias ARN (or key ARN) of the destination-region key that encrypts the replicas (R-INF-11). */
  readonly keyArn: string;
  /** Alias name of the destination key (`alias/...`), used to scope the replication role's kms:Encrypt. */
  readonly keyAlias: string;
}

/**
 * S3 server access logging is granted by bucket policy, not the LogDeliveryWrite ACL (ACLs stay disabled with
 * BucketOwnerEnforced). Set on the construct itself so the choice does not depend on the app's feature flags.
 */
export function useBucketPolicyForAccessLogs(scope: Construct): void {
  scope.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
}

/** The TLS-only, block-all, versioned baseline every bucket here shares (R-INF-4). */
const BUCKET_BASELINE = {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  versioned: true,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
} as const;

/** Props of {@link HipaaLogArchive}. */
export interface HipaaLogArchiveProps {
  /** Encrypts the log archive (the environment's log key). */
  readonly logKey: kms.IKey;
  /**
   * Object Lock retention in compliance mode: nobody, root included, can delete or overwrite a log before it.
   * @default 2192 days (six years, 45 CFR 164.316(b)(2)(i))
   */
  readonly objectLockRetentionDays?: number;
  /**
   * Days after which logs move to Glacier Flexible Retrieval.
   * @default 90
   */
  readonly glacierTransitionDays?: number;
  /** Cross-region copy of the archive. @default - none */
  readonly replication?: ReplicationDestination;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** Reasoned deviations. */
  readonly overrides?: {
    /** Accept an Object Lock retention below six years (e.g. a development account without PHI). */
    readonly objectLockRetention?: HipaaOverride;
  };
}

/**
 * The audit log archive (R-INF-4, R-INF-7): a KMS-encrypted bucket with Object Lock in compliance mode and a
 * Glacier lifecycle, which receives CloudTrail, flow logs and AWS Config; and the server-access-log bucket that
 * receives S3 and load-balancer access logs.
 *
 * The access-log bucket is SSE-S3: S3 server access logging and ELB access logging deliver only to SSE-S3
 * buckets (a documented AWS limitation that aws-cdk-lib enforces). It holds request metadata, never object
 * content; it is acknowledged as such in `nag-acknowledgements.ts`.
 */
export class HipaaLogArchive extends Construct {
  /** Object Lock (compliance) archive for CloudTrail, flow logs and Config. */
  readonly bucket: s3.Bucket;
  /** Destination of S3 server access logs and ALB access logs (SSE-S3, see above). */
  readonly accessLogBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: HipaaLogArchiveProps) {
    super(scope, id);
    useBucketPolicyForAccessLogs(this);
    const lockDays = props.objectLockRetentionDays ?? HIPAA_LOG_RETENTION_DAYS;
    requireHipaa(
      this,
      lockDays >= HIPAA_LOG_RETENTION_DAYS,
      {
        requirement: 'Object Lock retention of at least 2192 days on the audit log archive',
        citation: 'R-INF-4, R-INF-7, 45 CFR 164.316(b)(2)(i)',
        fix: `Set objectLockRetentionDays to 2192 or more (got ${lockDays})`,
        overrideProp: 'overrides.objectLockRetention',
      },
      props.overrides?.objectLockRetention,
    );
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.accessLogBucket = new s3.Bucket(this, 'AccessLogBucket', {
      ...BUCKET_BASELINE,
      encryption: s3.BucketEncryption.S3_MANAGED,
      removalPolicy,
      lifecycleRules: [
        {
          id: 'archive-access-logs',
          transitions: [
            {
              storageClass: s3.StorageClass.GLACIER,
              transitionAfter: Duration.days(props.glacierTransitionDays ?? 90),
            },
          ],
          expiration: Duration.days(HIPAA_LOG_RETENTION_DAYS),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
    });
    acknowledgeNag(this.accessLogBucket, 'accessLogBucketSseS3', 'accessLogBucketNotReplicated');
    acknowledgeSafeguard(this.accessLogBucket, 'accessLogBucketSseS3', 'accessLogBucketNotReplicated');

    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...BUCKET_BASELINE,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.logKey,
      bucketKeyEnabled: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(Duration.days(lockDays)),
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'log-archive/',
      removalPolicy,
      lifecycleRules: [
        {
          id: 'archive-to-glacier',
          transitions: [
            {
              storageClass: s3.StorageClass.GLACIER,
              transitionAfter: Duration.days(props.glacierTransitionDays ?? 90),
            },
          ],
          noncurrentVersionTransitions: [
            { storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(30) },
          ],
        },
      ],
    });
    // R-INF-4: CloudTrail and Config ask for SSE-KMS; flow-log delivery names no encryption and gets the default
    // (the log key). Refuse only an explicit request for anything but SSE-KMS.
    denyUploadsNamingOtherEncryption(this.bucket);
    if (props.replication) replicateBucket(this, this.bucket, props.logKey, props.replication, true);
  }
}

/** Props of {@link HipaaPhiBucket}. */
export interface HipaaPhiBucketProps {
  /** Encrypts the objects (the environment's PHI key). */
  readonly phiKey: kms.IKey;
  /** Receives the server access logs (the log archive's access-log bucket). */
  readonly accessLogBucket: s3.IBucket;
  /**
   * Cross-region replica (R-INF-11). Required unless overridden.
   * @default - none; refused without `overrides.replication`
   */
  readonly replication?: ReplicationDestination;
  /** @default - generated */
  readonly bucketName?: string;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Days after which noncurrent versions expire. Versions are the undo of a bad write, not the archive.
   * @default 365
   */
  readonly noncurrentVersionExpirationDays?: number;
  /** Reasoned deviations. */
  readonly overrides?: {
    /** Accept a PHI bucket without a cross-region replica. */
    readonly replication?: HipaaOverride;
  };
}

/**
 * A bucket for PHI (R-INF-4): SSE-KMS with the PHI key and a bucket key, versioning, all four public-access blocks,
 * a policy that denies non-TLS requests and uploads that are not SSE-KMS with the PHI key, server access logging,
 * and replication to the disaster-recovery region. Tagged `DataClassification=PHI`.
 */
export class HipaaPhiBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: HipaaPhiBucketProps) {
    super(scope, id);
    useBucketPolicyForAccessLogs(this);
    requireHipaa(
      this,
      props.replication !== undefined,
      {
        requirement: 'cross-region replication of PHI buckets',
        citation: 'R-INF-11, 45 CFR 164.308(a)(7)(ii)(A)-(B)',
        fix: 'Pass replication with the disaster-recovery bucket, region and key',
        overrideProp: 'overrides.replication',
        nagRuleIds: ['HIPAA.Security-S3BucketReplicationEnabled'],
      },
      props.overrides?.replication,
    );
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...BUCKET_BASELINE,
      bucketName: props.bucketName,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.phiKey,
      bucketKeyEnabled: true,
      serverAccessLogsBucket: props.accessLogBucket,
      serverAccessLogsPrefix: `phi/${id}/`,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionExpirationDays ?? 365),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
    denyUploadsWithoutKms(this.bucket, props.phiKey);
    if (props.replication) replicateBucket(this, this.bucket, props.phiKey, props.replication, false);
    tagAsPhi(this.bucket);
  }
}

/** R-INF-4: PutObject must ask for SSE-KMS, and when it names a key, the PHI key. */
export function denyUploadsWithoutKms(bucket: s3.IBucket, key: kms.IKey): void {
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyUploadsWithoutSseKms',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects('*')],
      conditions: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
    }),
  );
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyUploadsWithOtherKey',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects('*')],
      conditions: {
        Null: { 's3:x-amz-server-side-encryption-aws-kms-key-id': 'false' },
        StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': key.keyArn },
      },
    }),
  );
}

/**
 * R-INF-4: a PutObject that names an encryption must name SSE-KMS; one that names none gets the bucket default
 * (SSE-KMS). For buckets written by AWS services that do not send the header (log delivery, replication).
 */
export function denyUploadsNamingOtherEncryption(bucket: s3.IBucket): void {
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyUploadsNamingOtherEncryption',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects('*')],
      conditions: { StringNotEqualsIfExists: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
    }),
  );
}

/**
 * Cross-region replication of every object (SSE-KMS objects included) to `destination`, with a dedicated role
 * whose KMS encrypt permission is scoped to the destination key's alias.
 */
function replicateBucket(
  scope: Construct,
  bucket: s3.Bucket,
  sourceKey: kms.IKey,
  destination: ReplicationDestination,
  objectLock: boolean,
): void {
  const stack = Stack.of(scope);
  const destinationArn = `arn:${stack.partition}:s3:::${destination.bucketName}`;
  const role = new iam.Role(scope, 'ReplicationRole', {
    assumedBy: new iam.ServicePrincipal('s3.amazonaws.com'),
    description: `Replicates ${scope.node.path} to ${destination.region}`,
  });
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
      resources: [bucket.bucketArn],
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: [
        's3:GetObjectVersionForReplication',
        's3:GetObjectVersionAcl',
        's3:GetObjectVersionTagging',
        ...(objectLock ? ['s3:GetObjectRetention', 's3:GetObjectLegalHold'] : []),
      ],
      resources: [bucket.arnForObjects('*')],
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
      resources: [`${destinationArn}/*`],
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [sourceKey.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } },
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['kms:Encrypt', 'kms:GenerateDataKey'],
      resources: [`arn:${stack.partition}:kms:${destination.region}:${stack.account}:key/*`],
      conditions: {
        'ForAnyValue:StringEquals': { 'kms:ResourceAliases': destination.keyAlias },
        StringEquals: { 'kms:ViaService': `s3.${destination.region}.amazonaws.com` },
      },
    }),
  );
  const cfnBucket = bucket.node.defaultChild as s3.CfnBucket;
  cfnBucket.replicationConfiguration = {
    role: role.roleArn,
    rules: [
      {
        id: 'disaster-recovery-copy',
        status: 'Enabled',
        priority: 1,
        filter: { prefix: '' },
        deleteMarkerReplication: { status: 'Disabled' },
        sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: 'Enabled' } },
        destination: {
          bucket: destinationArn,
          encryptionConfiguration: { replicaKmsKeyId: destination.keyArn },
          replicationTime: { status: 'Enabled', time: { minutes: 15 } },
          metrics: { status: 'Enabled', eventThreshold: { minutes: 15 } },
        },
      },
    ],
  };
}
