import { Stack } from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import { Construct } from 'constructs';
import { type HipaaOverride, requireHipaa } from './override.js';

/** Name AWS gives its HIPAA sample conformance pack. */
export const HIPAA_CONFORMANCE_PACK_NAME = 'Operational-Best-Practices-for-HIPAA-Security';

/**
 * AWS Config managed rules deployed when no full template is given: a subset of the AWS
 * "Operational Best Practices for HIPAA Security" pack that covers the R-INF requirements.
 * The full pack (about 150 rules) is published by AWS as a YAML file; upload it and pass its S3 URI as
 * `conformancePackTemplateS3Uri` to deploy it instead.
 */
export const MINIMAL_HIPAA_CONFORMANCE_RULES: readonly string[] = [
  'CLOUD_TRAIL_ENABLED',
  'CLOUD_TRAIL_ENCRYPTION_ENABLED',
  'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED',
  'MULTI_REGION_CLOUD_TRAIL_ENABLED',
  'CLOUDWATCH_LOG_GROUP_ENCRYPTED',
  'CMK_BACKING_KEY_ROTATION_ENABLED',
  'RDS_STORAGE_ENCRYPTED',
  'RDS_INSTANCE_PUBLIC_ACCESS_CHECK',
  'RDS_MULTI_AZ_SUPPORT',
  'DB_INSTANCE_BACKUP_ENABLED',
  'DYNAMODB_PITR_ENABLED',
  'S3_BUCKET_SSL_REQUESTS_ONLY',
  'S3_DEFAULT_ENCRYPTION_KMS',
  'S3_BUCKET_VERSIONING_ENABLED',
  'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED',
  'VPC_FLOW_LOGS_ENABLED',
  'VPC_DEFAULT_SECURITY_GROUP_CLOSED',
  'GUARDDUTY_ENABLED_CENTRALIZED',
  'SECURITYHUB_ENABLED',
  'ROOT_ACCOUNT_MFA_ENABLED',
  'IAM_ROOT_ACCESS_KEY_CHECK',
  'MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS',
  'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS',
  'ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK',
  'ELB_TLS_HTTPS_LISTENERS_ONLY',
  'SECRETSMANAGER_ROTATION_ENABLED_CHECK',
];

/** Props of {@link HipaaDetection}. */
export interface HipaaDetectionProps {
  /** The log archive that receives AWS Config snapshots and history. */
  readonly logArchiveBucket: s3.IBucket;
  /** Encrypts the Config deliveries (the log key). */
  readonly logKey: kms.IKey;
  /**
   * S3 URI of the full AWS "Operational Best Practices for HIPAA Security" template, uploaded by you.
   * @default - a minimal template with {@link MINIMAL_HIPAA_CONFORMANCE_RULES}
   */
  readonly conformancePackTemplateS3Uri?: string;
  /**
   * Create a GuardDuty detector. Turn off only where the organisation enables it centrally.
   * @default true
   */
  readonly guardDuty?: boolean;
  /** Enable Security Hub with CIS and FSBP standards. @default true */
  readonly securityHub?: boolean;
  /** Create the AWS Config recorder and delivery channel (one per account and region). @default true */
  readonly configRecorder?: boolean;
  /** Reasoned deviations: say who runs the service instead (e.g. the organisation's delegated admin). */
  readonly overrides?: {
    readonly guardDuty?: HipaaOverride;
    readonly securityHub?: HipaaOverride;
    readonly configRecorder?: HipaaOverride;
  };
}

/**
 * Detection (R-INF-8): GuardDuty (S3, RDS login, runtime monitoring), Security Hub with the CIS and AWS
 * Foundational Security Best Practices standards, AWS Config recording every resource into the log archive, and
 * the HIPAA conformance pack.
 */
export class HipaaDetection extends Construct {
  readonly detector?: guardduty.CfnDetector;
  readonly hub?: securityhub.CfnHub;
  readonly recorder?: config.CfnConfigurationRecorder;
  readonly conformancePack: config.CfnConformancePack;

  constructor(scope: Construct, id: string, props: HipaaDetectionProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const enable = (name: 'guardDuty' | 'securityHub' | 'configRecorder', label: string): boolean => {
      const on = props[name] ?? true;
      requireHipaa(
        this,
        on,
        {
          requirement: label,
          citation: 'R-INF-8, 45 CFR 164.308(a)(1)(ii)(D) and 164.308(a)(6)',
          fix: `Leave ${name} at true`,
          overrideProp: `overrides.${name}`,
        },
        props.overrides?.[name],
      );
      return on;
    };

    if (enable('guardDuty', 'GuardDuty threat detection')) {
      this.detector = new guardduty.CfnDetector(this, 'GuardDuty', {
        enable: true,
        findingPublishingFrequency: 'FIFTEEN_MINUTES',
        features: [
          { name: 'S3_DATA_EVENTS', status: 'ENABLED' },
          { name: 'RDS_LOGIN_EVENTS', status: 'ENABLED' },
          {
            name: 'RUNTIME_MONITORING',
            status: 'ENABLED',
            additionalConfiguration: [{ name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'ENABLED' }],
          },
          { name: 'LAMBDA_NETWORK_LOGS', status: 'ENABLED' },
        ],
      });
    }

    if (enable('securityHub', 'Security Hub with CIS and AWS Foundational Security Best Practices')) {
      this.hub = new securityhub.CfnHub(this, 'SecurityHub', {
        enableDefaultStandards: false,
        controlFindingGenerator: 'SECURITY_CONTROL',
        autoEnableControls: true,
      });
      const standards = {
        Cis: `arn:${stack.partition}:securityhub:${stack.region}::standards/cis-aws-foundations-benchmark/v/3.0.0`,
        Fsbp: `arn:${stack.partition}:securityhub:${stack.region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
      };
      for (const [name, arn] of Object.entries(standards)) {
        const standard = new securityhub.CfnStandard(this, `${name}Standard`, { standardsArn: arn });
        standard.addResourceDependency(this.hub);
      }
    }

    let recorderDependency: config.CfnDeliveryChannel | undefined;
    if (enable('configRecorder', 'the AWS Config recorder')) {
      const role = new iam.Role(this, 'ConfigRole', {
        assumedBy: new iam.ServicePrincipal('config.amazonaws.com'),
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWS_ConfigRole')],
        description: 'AWS Config recorder: reads resource configuration, writes to the log archive',
      });
      props.logArchiveBucket.grantPut(role, 'config/*');
      props.logKey.grant(role, 'kms:GenerateDataKey', 'kms:Decrypt');
      const bucketArn = props.logArchiveBucket.bucketArn;
      props.logArchiveBucket.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AllowConfigBucketCheck',
          principals: [new iam.ServicePrincipal('config.amazonaws.com')],
          actions: ['s3:GetBucketAcl', 's3:ListBucket'],
          resources: [bucketArn],
          conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
        }),
      );
      props.logArchiveBucket.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AllowConfigDelivery',
          principals: [new iam.ServicePrincipal('config.amazonaws.com')],
          actions: ['s3:PutObject'],
          resources: [props.logArchiveBucket.arnForObjects(`config/AWSLogs/${stack.account}/Config/*`)],
          conditions: {
            StringEquals: { 'aws:SourceAccount': stack.account, 's3:x-amz-acl': 'bucket-owner-full-control' },
          },
        }),
      );
      this.recorder = new config.CfnConfigurationRecorder(this, 'Recorder', {
        roleArn: role.roleArn,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
      });
      const channel = new config.CfnDeliveryChannel(this, 'DeliveryChannel', {
        s3BucketName: props.logArchiveBucket.bucketName,
        s3KeyPrefix: 'config',
        s3KmsKeyArn: props.logKey.keyArn,
        configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
      });
      channel.addResourceDependency(this.recorder);
      recorderDependency = channel;
    }

    this.conformancePack = new config.CfnConformancePack(this, 'HipaaConformancePack', {
      conformancePackName: HIPAA_CONFORMANCE_PACK_NAME,
      ...(props.conformancePackTemplateS3Uri
        ? { templateS3Uri: props.conformancePackTemplateS3Uri }
        : { templateBody: minimalConformancePackBody() }),
    });
    if (recorderDependency) this.conformancePack.addResourceDependency(recorderDependency);
  }
}

/** A conformance pack template with the managed rules of {@link MINIMAL_HIPAA_CONFORMANCE_RULES}. */
export function minimalConformancePackBody(): string {
  const resources: Record<string, unknown> = {};
  for (const identifier of MINIMAL_HIPAA_CONFORMANCE_RULES) {
    const name = identifier
      .toLowerCase()
      .split('_')
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('');
    resources[name] = {
      Type: 'AWS::Config::ConfigRule',
      Properties: {
        ConfigRuleName: identifier.toLowerCase().replaceAll('_', '-'),
        Source: { Owner: 'AWS', SourceIdentifier: identifier },
      },
    };
  }
  return JSON.stringify({ Resources: resources });
}
