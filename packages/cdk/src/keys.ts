import { Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { type HipaaOverride, requireHipaa } from './override.js';
import { tagAsPhi } from './phi.js';

/** KMS deletion window required by R-INF-2: the longest AWS allows, so a mistaken deletion can be cancelled. */
export const KEY_DELETION_WINDOW_DAYS = 30;

/** Props of {@link HipaaKeys}. */
export interface HipaaKeysProps {
  /**
   * Prefix of the key aliases (`alias/<prefix>/phi`, `alias/<prefix>/logs`).
   * @default 'safeguard'
   */
  readonly aliasPrefix?: string;
  /**
   * AWS Organizations id. When set, key use is denied to principals outside the organisation;
   * otherwise to principals outside this account.
   * @default - confine to the account
   */
  readonly organizationId?: string;
  /**
   * Deletion window of both keys.
   * @default Duration.days(30)
   */
  readonly pendingWindow?: Duration;
  /**
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /** Reasoned deviations. */
  readonly overrides?: {
    /** Accept a deletion window under 30 days. */
    readonly pendingWindow?: HipaaOverride;
  };
}

/**
 * The environment's customer-managed keys: one for PHI data, one for logs (R-INF-2). Rotation on, 30-day deletion
 * window, a perimeter statement that denies use from outside the account/organisation, and grant helpers that
 * keep encrypt and decrypt separate.
 */
export class HipaaKeys extends Construct {
  /** Encrypts PHI at rest: databases, tables, PHI buckets, secrets, backups. Tagged DataClassification=PHI. */
  readonly phiKey: kms.Key;
  /** Encrypts logs and operational data: log groups, CloudTrail, log archive, alarm topic, queues. */
  readonly logKey: kms.Key;

  constructor(scope: Construct, id: string, props: HipaaKeysProps = {}) {
    super(scope, id);
    const prefix = props.aliasPrefix ?? 'safeguard';
    const pendingWindow = props.pendingWindow ?? Duration.days(KEY_DELETION_WINDOW_DAYS);
    requireHipaa(
      this,
      pendingWindow.toDays() >= KEY_DELETION_WINDOW_DAYS,
      {
        requirement: 'a 30-day KMS key deletion window',
        citation: 'R-INF-2, 45 CFR 164.312(a)(2)(iv)',
        fix: `Set pendingWindow to Duration.days(30) (got ${pendingWindow.toDays()} days)`,
        overrideProp: 'overrides.pendingWindow',
      },
      props.overrides?.pendingWindow,
    );
    const common = {
      enableKeyRotation: true,
      pendingWindow,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    };
    this.phiKey = new kms.Key(this, 'PhiKey', {
      ...common,
      alias: `${prefix}/phi`,
      description: 'PHI data at rest (databases, tables, PHI buckets, secrets, backups)',
    });
    tagAsPhi(this.phiKey);
    this.logKey = new kms.Key(this, 'LogKey', {
      ...common,
      alias: `${prefix}/logs`,
      description: 'Logs and audit trail (CloudWatch Logs, CloudTrail, log archive, alarm topic)',
    });
    Tags.of(this.logKey).add('DataClassification', 'Audit');

    for (const key of [this.phiKey, this.logKey]) confineToPerimeter(key, props.organizationId);
    allowLogServices(this.logKey);
  }

  /** Lets `grantee` encrypt with the PHI key (write path), without decrypt. */
  grantPhiEncrypt(grantee: iam.IGrantable): iam.Grant {
    return this.phiKey.grantEncrypt(grantee);
  }

  /** Lets `grantee` decrypt with the PHI key (read path), without encrypt. */
  grantPhiDecrypt(grantee: iam.IGrantable): iam.Grant {
    return this.phiKey.grantDecrypt(grantee);
  }
}

/**
 * R-INF-2: deny use of the key by any principal outside the organisation (or account). AWS services acting with
 * their own service principal (CloudTrail, CloudWatch Logs) carry no principal org/account and are exempted by
 * `aws:PrincipalIsAWSService`; services acting for a caller (RDS, S3, Secrets Manager) carry the caller's.
 */
function confineToPerimeter(key: kms.Key, organizationId: string | undefined): void {
  const condition =
    organizationId !== undefined
      ? { 'aws:PrincipalOrgID': organizationId }
      : { 'aws:PrincipalAccount': Stack.of(key).account };
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyUseOutsidePerimeter',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*', 'kms:CreateGrant'],
      resources: ['*'],
      conditions: {
        StringNotEqualsIfExists: condition,
        BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
      },
    }),
  );
}

/** CloudWatch Logs and CloudTrail use the log key with their service principals, confined to this account. */
function allowLogServices(key: kms.Key): void {
  const stack = Stack.of(key);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogs',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*`,
        },
      },
    }),
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudTrailEncrypt',
      principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
      actions: ['kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringEquals: { 'aws:SourceAccount': stack.account },
        StringLike: {
          'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${stack.partition}:cloudtrail:*:${stack.account}:trail/*`,
        },
      },
    }),
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudTrailDescribe',
      principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
      actions: ['kms:DescribeKey'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }),
  );
  // VPC flow logs delivered to the SSE-KMS log archive (R-INF-1).
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowLogDeliveryToArchive',
      principals: [new iam.ServicePrincipal('delivery.logs.amazonaws.com')],
      actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }),
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowAlarmPublishing',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }),
  );
}
