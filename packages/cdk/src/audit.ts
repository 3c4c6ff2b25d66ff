import { Duration } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { CLOUDTRAIL_LOG_RETENTION_DAYS, HipaaLogGroup } from './log-group.js';
import { type HipaaOverride, requireHipaa } from './override.js';

/**
 * Security alarms required by R-INF-7, with the CIS AWS Foundations Benchmark filter patterns
 * (CloudWatch.1 – CloudWatch.14 in Security Hub).
 */
export const SECURITY_ALARMS: readonly { id: string; description: string; pattern: string }[] = [
  {
    id: 'RootAccountUse',
    description: 'The root user was used',
    pattern:
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  },
  {
    id: 'UnauthorizedApiCalls',
    description: 'API calls were denied',
    pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  },
  {
    id: 'IamPolicyChanges',
    description: 'An IAM policy was created, changed, attached or detached',
    pattern:
      '{ ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ' +
      '($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ' +
      '($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ' +
      '($.eventName = DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ' +
      '($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy) || ' +
      '($.eventName = DetachGroupPolicy) }',
  },
  {
    id: 'SecurityGroupChanges',
    description: 'A security group was created, changed or deleted',
    pattern:
      '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ' +
      '($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ' +
      '($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
  },
  {
    id: 'KmsKeyDisabledOrDeleted',
    description: 'A customer-managed KMS key was disabled or scheduled for deletion',
    pattern:
      '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
  },
  {
    id: 'ConsoleSignInFailures',
    description: 'A console sign-in failed',
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  },
];

/** Props of {@link HipaaAudit}. */
export interface HipaaAuditProps {
  /** Encrypts the trail, its log group and the alarm topic (the log key). */
  readonly logKey: kms.IKey;
  /** The Object Lock log archive that receives the trail. */
  readonly logArchiveBucket: s3.IBucket;
  /** PHI buckets whose object reads and writes are recorded as data events. */
  readonly phiBuckets: s3.IBucket[];
  /**
   * Record the whole AWS Organization (deploy from the management or delegated administrator account).
   * @default false
   */
  readonly organizationTrail?: boolean;
  /** E-mail addresses subscribed to the security alarm topic. @default - none (subscribe later) */
  readonly alarmEmails?: string[];
  /** Reasoned deviations. */
  readonly overrides?: {
    /** Accept a trail without S3 data events on PHI buckets. */
    readonly dataEvents?: HipaaOverride;
  };
}

/**
 * Cloud-level audit (R-INF-7): a multi-region CloudTrail with log-file validation and KMS, delivered to the
 * Object Lock archive and to a CloudWatch log group kept 2,557 days; S3 data events on every PHI bucket; CIS
 * metric filters and alarms to a KMS-encrypted SNS topic.
 */
export class HipaaAudit extends Construct {
  readonly trail: cloudtrail.Trail;
  readonly trailLogGroup: HipaaLogGroup;
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: HipaaAuditProps) {
    super(scope, id);
    requireHipaa(
      this,
      props.phiBuckets.length > 0,
      {
        requirement: 'S3 data events on PHI buckets',
        citation: 'R-INF-7, 45 CFR 164.312(b)',
        fix: 'Pass the PHI buckets in phiBuckets',
        overrideProp: 'overrides.dataEvents',
      },
      props.overrides?.dataEvents,
    );
    this.trailLogGroup = new HipaaLogGroup(this, 'TrailLogGroup', {
      encryptionKey: props.logKey,
      retention: CLOUDTRAIL_LOG_RETENTION_DAYS as logs.RetentionDays,
      minimumRetentionDays: CLOUDTRAIL_LOG_RETENTION_DAYS,
    });
    this.trail = new cloudtrail.Trail(this, 'Trail', {
      bucket: props.logArchiveBucket,
      s3KeyPrefix: 'cloudtrail',
      encryptionKey: props.logKey,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableFileValidation: true,
      isOrganizationTrail: props.organizationTrail ?? false,
      sendToCloudWatchLogs: true,
      cloudWatchLogGroup: this.trailLogGroup.logGroup,
      managementEvents: cloudtrail.ReadWriteType.ALL,
    });
    if (props.phiBuckets.length > 0) {
      this.trail.addS3EventSelector(
        props.phiBuckets.map((bucket) => ({ bucket })),
        { readWriteType: cloudtrail.ReadWriteType.ALL, includeManagementEvents: true },
      );
    }

    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Security alarms',
      masterKey: props.logKey,
      enforceSSL: true,
    });
    for (const email of props.alarmEmails ?? []) {
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(email));
    }
    const action = new actions.SnsAction(this.alarmTopic);
    for (const alarm of SECURITY_ALARMS) {
      const filter = new logs.MetricFilter(this, `${alarm.id}Filter`, {
        logGroup: this.trailLogGroup.logGroup,
        filterPattern: logs.FilterPattern.literal(alarm.pattern),
        metricNamespace: 'Safeguard/Security',
        metricName: alarm.id,
        metricValue: '1',
      });
      const cwAlarm = filter
        .metric({ statistic: 'Sum', period: Duration.minutes(5) })
        .createAlarm(this, `${alarm.id}Alarm`, {
          alarmDescription: `${alarm.description} (R-INF-7, 164.308(a)(1)(ii)(D))`,
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        });
      cwAlarm.addAlarmAction(action);
      this.alarms.push(cwAlarm);
    }
  }

  /** Routes another alarm (e.g. from a service) to the security topic. */
  notify(alarm: cloudwatch.Alarm): void {
    alarm.addAlarmAction(new actions.SnsAction(this.alarmTopic));
  }
}
