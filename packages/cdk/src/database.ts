import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { HipaaLogGroup } from './log-group.js';
import type { HipaaNetwork } from './network.js';
import { type HipaaOverride, requireHipaa } from './override.js';
import { tagAsPhi } from './phi.js';
import { BACKUP_RETENTION_DAYS } from './recovery.js';

/** PostgreSQL's port; fixed so security-group rules are concrete (no token ports). */
export const POSTGRES_PORT = 5432;

/** Oldest PostgreSQL major version accepted without an override (R-ENG-7: engine versions current). */
export const MINIMUM_POSTGRES_MAJOR = 16;

/** Props of {@link HipaaDatabase}. */
export interface HipaaDatabaseProps {
  /** The network; the instance goes to the data tier. */
  readonly network: HipaaNetwork;
  /** Encrypts storage, Performance Insights and the credentials secret (the PHI key). */
  readonly phiKey: kms.IKey;
  /** Encrypts the exported PostgreSQL logs (the log key). */
  readonly logKey: kms.IKey;
  /**
   * DB instance identifier; also names the log groups `/aws/rds/instance/<id>/postgresql|upgrade`,
   * which are created here (encrypted, six-year retention) before RDS would create them unencrypted.
   */
  readonly instanceIdentifier: string;
  /**
   * PostgreSQL version.
   * @default PostgresEngineVersion.VER_17
   */
  readonly engineVersion?: rds.PostgresEngineVersion;
  /** @default t4g.medium (burstable, Graviton) */
  readonly instanceType?: ec2.InstanceType;
  /** @default 'clinic' */
  readonly databaseName?: string;
  /**
   * Standby in a second AZ (R-INF-3: production).
   * @default true
   */
  readonly multiAz?: boolean;
  /** @default true */
  readonly deletionProtection?: boolean;
  /**
   * Automated backup retention (point-in-time restore window).
   * @default 35 days
   */
  readonly backupRetentionDays?: number;
  /** @default 100 GiB, growing to 1,000 */
  readonly allocatedStorageGiB?: number;
  /**
   * Credential rotation interval.
   * @default 30 days
   */
  readonly rotationInterval?: Duration;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** Reasoned deviations. */
  readonly overrides?: {
    readonly multiAz?: HipaaOverride;
    readonly deletionProtection?: HipaaOverride;
    readonly backupRetention?: HipaaOverride;
    readonly engineVersion?: HipaaOverride;
  };
}

/**
 * RDS for PostgreSQL holding PHI (R-INF-3): encrypted with the PHI key from creation, not publicly accessible, in
 * the data tier, Multi-AZ, 35-day backups, deletion protection, IAM database authentication, `rds.force_ssl=1`,
 * `postgresql` and `upgrade` log exports into encrypted six-year log groups, enhanced monitoring, Performance
 * Insights with the PHI key, and a generated master secret (PHI key) rotated every 30 days by a hosted rotation
 * function inside the VPC.
 */
export class HipaaDatabase extends Construct {
  readonly instance: rds.DatabaseInstance;
  readonly secret: secretsmanager.ISecret;
  readonly rotationSecurityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: HipaaDatabaseProps) {
    super(scope, id);
    const engineVersion = props.engineVersion ?? rds.PostgresEngineVersion.VER_17;
    const major = Number.parseInt(engineVersion.postgresMajorVersion, 10);
    const multiAz = props.multiAz ?? true;
    const deletionProtection = props.deletionProtection ?? true;
    const backupDays = props.backupRetentionDays ?? BACKUP_RETENTION_DAYS;
    requireHipaa(
      this,
      major >= MINIMUM_POSTGRES_MAJOR,
      {
        requirement: `PostgreSQL ${MINIMUM_POSTGRES_MAJOR} or later`,
        citation: 'R-ENG-7, 45 CFR 164.308(a)(1)(ii)(B)',
        fix: `Use PostgresEngineVersion.VER_17 (got ${engineVersion.postgresFullVersion})`,
        overrideProp: 'overrides.engineVersion',
      },
      props.overrides?.engineVersion,
    );
    requireHipaa(
      this,
      multiAz,
      {
        requirement: 'a Multi-AZ database',
        citation: 'R-INF-3, R-INF-11, 45 CFR 164.308(a)(7)(ii)(C)',
        fix: 'Leave multiAz at true',
        overrideProp: 'overrides.multiAz',
        nagRuleIds: ['HIPAA.Security-RDSMultiAZSupport'],
      },
      props.overrides?.multiAz,
    );
    requireHipaa(
      this,
      deletionProtection,
      {
        requirement: 'deletion protection on the database',
        citation: 'R-INF-3, 45 CFR 164.312(c)(1)',
        fix: 'Leave deletionProtection at true',
        overrideProp: 'overrides.deletionProtection',
        nagRuleIds: ['HIPAA.Security-RDSInstanceDeletionProtectionEnabled'],
      },
      props.overrides?.deletionProtection,
    );
    requireHipaa(
      this,
      backupDays >= BACKUP_RETENTION_DAYS,
      {
        requirement: 'automated backups kept at least 35 days',
        citation: 'R-INF-3, 45 CFR 164.308(a)(7)(ii)(A)',
        fix: `Set backupRetentionDays to 35 (got ${backupDays})`,
        overrideProp: 'overrides.backupRetention',
      },
      props.overrides?.backupRetention,
    );
    if (backupDays < 7) {
      throw new Error(
        `${this.node.path}: backupRetentionDays ${backupDays} is below 7, which no override accepts`,
      );
    }

    const engine = rds.DatabaseInstanceEngine.postgres({ version: engineVersion });
    const parameterGroup = new rds.ParameterGroup(this, 'Parameters', {
      engine,
      description: 'HIPAA: TLS required, connections and DDL logged',
      parameters: {
        // 164.312(e)(1): refuse unencrypted connections.
        'rds.force_ssl': '1',
        // 164.312(b): who connected, and what changed the schema.
        log_connections: '1',
        log_disconnections: '1',
        log_statement: 'ddl',
      },
    });

    const logGroups = ['postgresql', 'upgrade'].map(
      (type) =>
        new HipaaLogGroup(this, `${type.charAt(0).toUpperCase()}${type.slice(1)}Logs`, {
          encryptionKey: props.logKey,
          logGroupName: `/aws/rds/instance/${props.instanceIdentifier}/${type}`,
        }),
    );

    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.network.vpc,
      description: `PostgreSQL ${props.instanceIdentifier}: ingress from application security groups only`,
      allowAllOutbound: false,
    });

    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      instanceIdentifier: props.instanceIdentifier,
      engine,
      port: POSTGRES_PORT,
      instanceType: props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM),
      vpc: props.network.vpc,
      vpcSubnets: props.network.dataSubnets,
      securityGroups: [securityGroup],
      publiclyAccessible: false,
      multiAz,
      databaseName: props.databaseName ?? 'clinic',
      credentials: rds.Credentials.fromGeneratedSecret('clinic_admin', { encryptionKey: props.phiKey }),
      storageEncrypted: true,
      storageEncryptionKey: props.phiKey,
      storageType: rds.StorageType.GP3,
      allocatedStorage: props.allocatedStorageGiB ?? 100,
      maxAllocatedStorage: Math.max(1000, props.allocatedStorageGiB ?? 100),
      iamAuthentication: true,
      parameterGroup,
      backupRetention: Duration.days(backupDays),
      deleteAutomatedBackups: false,
      copyTagsToSnapshot: true,
      deletionProtection,
      autoMinorVersionUpgrade: true,
      caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
      cloudwatchLogsExports: ['postgresql', 'upgrade'],
      monitoringInterval: Duration.seconds(60),
      enablePerformanceInsights: true,
      performanceInsightEncryptionKey: props.phiKey,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    for (const group of logGroups) this.instance.node.addDependency(group);
    this.secret = this.instance.secret!;

    this.rotationSecurityGroup = new ec2.SecurityGroup(this, 'RotationSecurityGroup', {
      vpc: props.network.vpc,
      description: `Secret rotation of ${props.instanceIdentifier}: to the database and the AWS API endpoints`,
      allowAllOutbound: false,
    });
    this.instance.connections.allowFrom(
      this.rotationSecurityGroup,
      ec2.Port.tcp(POSTGRES_PORT),
      'Secret rotation',
    );
    props.network.allowEndpointAccessFrom(this.rotationSecurityGroup);
    this.secret.addRotationSchedule('Rotation', {
      automaticallyAfter: props.rotationInterval ?? Duration.days(30),
      hostedRotation: secretsmanager.HostedRotation.postgreSqlSingleUser({
        vpc: props.network.vpc,
        vpcSubnets: props.network.applicationSubnets,
        securityGroups: [this.rotationSecurityGroup],
      }),
    });
    tagAsPhi(this.instance);
    tagAsPhi(this.secret);
  }

  /** Lets a workload connect on 5432 (security group to security group). */
  allowConnectionsFrom(workload: ec2.IConnectable): void {
    this.instance.connections.allowFrom(
      workload,
      ec2.Port.tcp(POSTGRES_PORT),
      'Application access to PostgreSQL',
    );
  }
}
