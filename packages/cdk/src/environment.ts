import { Aspects, type Environment, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { HipaaAudit } from './audit.js';
import { HipaaLogArchive, HipaaPhiBucket } from './buckets.js';
import { HipaaDatabase } from './database.js';
import { HipaaDeliveryRoles } from './delivery.js';
import { HipaaDetection, type HipaaDetectionProps } from './detection.js';
import { HipaaWebAcl } from './edge.js';
import { HipaaFunction, type HipaaFunctionProps } from './function.js';
import { HipaaKeys } from './keys.js';
import { HipaaNetwork } from './network.js';
import type { HipaaOverride } from './override.js';
import { ManagedPoliciesOnly } from './policies.js';
import { HipaaBackup, HipaaRecoverySite, recoverySiteNames } from './recovery.js';
import { HipaaFargateService } from './service.js';
import { HipaaTable } from './table.js';

/** `prod`: every HIPAA default. `dev`: cheaper, with each deviation an explicit, reasoned override. */
export type HipaaProfile = 'dev' | 'prod';

/** The reason every `dev` deviation carries (it is recorded in the templates). */
export const DEV_PROFILE_REASON: HipaaOverride = {
  reason:
    'Development profile: synthetic data only, no PHI is allowed in this environment (enforced by the data ' +
    'policy and the PHI boundary scan); availability and long retention are not needed to protect ePHI here.',
};

/** Props of {@link HipaaEnvironment}. */
export interface HipaaEnvironmentProps {
  /** Profile. */
  readonly profile: HipaaProfile;
  /** Environment name: lowercase letters, digits, hyphens (part of bucket names and aliases). */
  readonly environmentName: string;
  /** AWS account and primary region. Explicit, so synth needs no lookups. */
  readonly env: Required<Pick<Environment, 'account' | 'region'>>;
  /** Disaster-recovery region (replicas, backup copies). */
  readonly drRegion: string;
  /** ACM certificate ARN of the public HTTPS listener. */
  readonly certificateArn: string;
  /** The application container. */
  readonly service: {
    /** Image from a registry or ECR (no Docker build at synth). */
    readonly image: ecs.ContainerImage;
    /** @default 8443 (HTTPS in the task) */
    readonly containerPort?: number;
    /** @default '/health' */
    readonly healthCheckPath?: string;
    /** Plain configuration. @default - none */
    readonly environment?: Record<string, string>;
    /** @default prod 3, dev 1 */
    readonly desiredCount?: number;
  };
  /** An optional background function (e.g. an outbox worker). @default - none */
  readonly worker?: {
    readonly code: lambda.Code;
    /** @default 'index.handler' */
    readonly handler?: string;
    /** @default Runtime.NODEJS_24_X (see `HipaaFunction`) */
    readonly runtime?: lambda.Runtime;
    /** Reasoned deviations of the function (e.g. a runtime close to deprecation). */
    readonly overrides?: HipaaFunctionProps['overrides'];
  };
  /** Key schema of the PHI DynamoDB table. @default partition key `pk`, sort key `sk` (strings) */
  readonly table?: { readonly partitionKey: dynamodb.Attribute; readonly sortKey?: dynamodb.Attribute };
  /** GitHub repository (`owner/name`) allowed to deploy. @default - no CI/CD roles */
  readonly github?: {
    readonly repository: string;
    readonly branch?: string;
    readonly oidcProviderArn?: string;
  };
  /** AWS Organizations id: confine key use to the organisation. @default - the account */
  readonly organizationId?: string;
  /** Addresses subscribed to the security alarm topic. @default - none */
  readonly alarmEmails?: string[];
  /** Countries blocked at the WAF. @default - none */
  readonly blockedCountries?: string[];
  /** Detection options (e.g. the full conformance pack template, or services run by the organisation). */
  readonly detection?: Pick<
    HipaaDetectionProps,
    'conformancePackTemplateS3Uri' | 'guardDuty' | 'securityHub' | 'configRecorder' | 'overrides'
  >;
}

/**
 * A HIPAA-ready AWS environment composed from the constructs of this package: a recovery stack in the DR region
 * (deployed first) and a primary stack with keys, log archive, network, PHI bucket, audit, detection, WAF,
 * PostgreSQL, DynamoDB, the Fargate service, an optional worker function, CI/CD roles and backups.
 */
export class HipaaEnvironment extends Construct {
  readonly stack: Stack;
  readonly recoveryStack: Stack;
  readonly recoverySite: HipaaRecoverySite;
  readonly keys: HipaaKeys;
  readonly logArchive: HipaaLogArchive;
  readonly network: HipaaNetwork;
  readonly phiBucket: HipaaPhiBucket;
  readonly audit: HipaaAudit;
  readonly detection: HipaaDetection;
  readonly webAcl: HipaaWebAcl;
  readonly database: HipaaDatabase;
  readonly table: HipaaTable;
  readonly repository: ecr.Repository;
  readonly service: HipaaFargateService;
  readonly worker?: HipaaFunction;
  readonly delivery?: HipaaDeliveryRoles;
  readonly backup: HipaaBackup;

  constructor(scope: Construct, id: string, props: HipaaEnvironmentProps) {
    super(scope, id);
    const prod = props.profile === 'prod';
    const name = props.environmentName;
    const devOverride = prod ? undefined : DEV_PROFILE_REASON;
    const removalPolicy = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.recoveryStack = new Stack(this, 'Recovery', {
      env: { account: props.env.account, region: props.drRegion },
      stackName: `${name}-recovery`,
      description: `${name}: disaster-recovery site (replicas, backup vault) — Safeguard HIPAA reference`,
      crossRegionReferences: false,
    });
    this.stack = new Stack(this, 'Primary', {
      env: props.env,
      stackName: name,
      description: `${name}: HIPAA environment (${props.profile}) — Safeguard HIPAA reference`,
    });
    this.stack.addStackDependency(this.recoveryStack, 'replication and backup copies need the recovery site');
    for (const stack of [this.stack, this.recoveryStack]) {
      Tags.of(stack).add('Environment', name);
      Tags.of(stack).add('ManagedBy', 'safeguard-cdk');
      Aspects.of(stack).add(new ManagedPoliciesOnly());
    }

    this.recoverySite = new HipaaRecoverySite(this.recoveryStack, 'RecoverySite', {
      environmentName: name,
      removalPolicy: RemovalPolicy.RETAIN,
      objectLockRetentionDays: prod ? undefined : 1,
      overrides: { objectLockRetention: devOverride },
    });
    const dr = recoverySiteNames(this.stack, name, props.drRegion);

    const s = this.stack;
    this.keys = new HipaaKeys(s, 'Keys', {
      aliasPrefix: name,
      organizationId: props.organizationId,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const { phiKey, logKey } = this.keys;
    this.logArchive = new HipaaLogArchive(s, 'LogArchive', {
      logKey,
      replication: dr.logArchiveReplication,
      objectLockRetentionDays: prod ? undefined : 1,
      overrides: { objectLockRetention: devOverride },
    });
    this.network = new HipaaNetwork(s, 'Network', {
      logKey,
      flowLogBucket: this.logArchive.bucket,
      natGateways: prod ? 3 : 1,
    });
    this.phiBucket = new HipaaPhiBucket(s, 'PhiBucket', {
      phiKey,
      accessLogBucket: this.logArchive.accessLogBucket,
      replication: dr.phiReplication,
    });
    this.audit = new HipaaAudit(s, 'Audit', {
      logKey,
      logArchiveBucket: this.logArchive.bucket,
      // Data events on every bucket (the default scope): the PHI bucket, its DR replica and the log buckets
      // the PHI boundary reaches, in both regions, with no list to keep in step (R-INF-7).
      alarmEmails: props.alarmEmails,
    });
    this.detection = new HipaaDetection(s, 'Detection', {
      logArchiveBucket: this.logArchive.bucket,
      logKey,
      ...props.detection,
    });
    this.webAcl = new HipaaWebAcl(s, 'Edge', {
      logKey,
      name: `${name}-web`,
      blockedCountries: props.blockedCountries,
    });
    this.database = new HipaaDatabase(s, 'Database', {
      network: this.network,
      phiKey,
      logKey,
      instanceIdentifier: `${name}-postgres`,
      multiAz: prod,
      deletionProtection: prod,
      removalPolicy,
      overrides: { multiAz: devOverride, deletionProtection: devOverride },
    });
    this.table = new HipaaTable(s, 'Table', {
      phiKey,
      partitionKey: props.table?.partitionKey ?? { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: props.table?.sortKey ?? { name: 'sk', type: dynamodb.AttributeType.STRING },
      deletionProtection: prod,
      removalPolicy,
      overrides: { deletionProtection: devOverride },
    });
    this.repository = new ecr.Repository(s, 'Repository', {
      repositoryName: `${name}/app`,
      imageScanOnPush: true,
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      encryption: ecr.RepositoryEncryption.KMS,
      encryptionKey: logKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.service = new HipaaFargateService(s, 'Service', {
      network: this.network,
      logKey,
      certificateArn: props.certificateArn,
      image: props.service.image,
      containerPort: props.service.containerPort,
      healthCheckPath: props.service.healthCheckPath,
      desiredCount: props.service.desiredCount ?? (prod ? 3 : 1),
      accessLogBucket: this.logArchive.accessLogBucket,
      webAcl: this.webAcl,
      deletionProtection: prod,
      environment: {
        ...props.service.environment,
        DB_HOST: this.database.instance.dbInstanceEndpointAddress,
        DB_PORT: this.database.instance.dbInstanceEndpointPort,
        DB_NAME: 'clinic',
        DB_SSLMODE: 'verify-full',
        PHI_BUCKET: this.phiBucket.bucket.bucketName,
        PHI_TABLE: this.table.table.tableName,
        PHI_KEY_ARN: phiKey.keyArn,
      },
      secrets: {
        DB_USERNAME: ecs.Secret.fromSecretsManager(this.database.secret, 'username'),
        DB_PASSWORD: ecs.Secret.fromSecretsManager(this.database.secret, 'password'),
      },
      overrides: { deletionProtection: devOverride },
    });
    const taskRole = this.service.taskDefinition.taskRole;
    this.database.allowConnectionsFrom(this.service.serviceSecurityGroup);
    this.phiBucket.bucket.grantReadWrite(taskRole);
    this.table.table.grantReadWriteData(taskRole);

    if (props.worker) {
      this.worker = new HipaaFunction(s, 'Worker', {
        network: this.network,
        encryptionKey: phiKey,
        logKey,
        code: props.worker.code,
        handler: props.worker.handler,
        runtime: props.worker.runtime,
        overrides: props.worker.overrides,
        description: `${name}: background worker`,
        environment: { PHI_TABLE: this.table.table.tableName },
      });
      this.table.table.grantReadData(this.worker.function);
      this.worker.deadLetterQueue.metricApproximateNumberOfMessagesVisible();
    }

    if (props.github) {
      this.delivery = new HipaaDeliveryRoles(s, 'Delivery', {
        environmentName: name,
        repository: props.github.repository,
        branch: props.github.branch,
        oidcProviderArn: props.github.oidcProviderArn,
        repositories: [this.repository],
        services: [this.service.service],
        taskRoles: [taskRole, this.service.taskDefinition.obtainExecutionRole()],
      });
    }

    this.backup = new HipaaBackup(s, 'Backup', {
      phiKey,
      disasterRecoveryVaultArn: dr.vaultArn,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.backup.addResource(
      backup.BackupResource.fromRdsDatabaseInstance(this.database.instance),
      backup.BackupResource.fromDynamoDbTable(this.table.table),
    );
  }
}
