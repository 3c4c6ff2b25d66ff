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

/**
 * Which buckets' object-level reads and writes the trail records (R-INF-7, 45 CFR 164.312(b)).
 * - `all-buckets`: every bucket of the account, in every region (one selector on `arn:<partition>:s3`).
 * - `phi-buckets`: only the buckets passed in `phiBuckets`.
 */
export type S3DataEventScope = 'all-buckets' | 'phi-buckets';

/** Props of {@link HipaaAudit}. */
export interface HipaaAuditProps {
  /** Encrypts the trail, its log group and the alarm topic (the log key). */
  readonly logKey: kms.IKey;
  /** The Object Lock log archive that receives the trail. */
  readonly logArchiveBucket: s3.IBucket;
  /**
   * Whose S3 object reads and writes are recorded as data events.
   *
   * `all-buckets` covers, without a list to keep up to date, the PHI bucket, its replica in the recovery region
   * (the trail is multi-region), the log archive and access-log buckets the PHI boundary reaches (object keys and
   * requesters of PHI end up in them) and any bucket created later; it is also what CIS AWS Foundations 3.0
   * 3.8/3.9 (Security Hub S3.22, S3.23, enabled by `HipaaDetection`) check. The trail's own deliveries to the
   * log archive are recorded too: a steady trickle (one event per delivered file, batched every ~5 minutes), not a
   * growing loop. Choose `phi-buckets` only in an account with busy non-PHI buckets, and then list every bucket
   * holding ePHI or its logs, recovery-region replicas included (`s3.Bucket.fromBucketArn` with a literal ARN
   * built from the deterministic names of `recoverySiteNames`, so a scanner can match it to the bucket).
   * @default 'all-buckets'
   */
  readonly dataEventScope?: S3DataEventScope;
  /**
   * PHI buckets whose object reads and writes are recorded when {@link dataEventScope} is `phi-buckets`
   * (required then, unless `overrides.dataEvents`). With `all-buckets` they are covered anyway.
   * @default - none
   */
  readonly phiBuckets?: s3.IBucket[];
  /**
   * Record the whole AWS Organization (deploy from the management or delegated administrator account).
   * @default false
   */
  readonly organizationTrail?: boolean;
  /** E-mail addresses subscribed to the security alarm topic. @default - none (subscribe later) */
  readonly alarmEmails?: string[];
  /** Reasoned deviations. */
  readonly overrides?: {
    /** Accept a trail without S3 data events on PHI buckets (`phi-buckets` scope with no bucket listed). */
    readonly dataEvents?: HipaaOverride;
  };
}

/**
 * Cloud-level audit (R-INF-7): a multi-region CloudTrail with log-file validation and KMS, delivered to the
 * Object Lock archive and to a CloudWatch log group kept 2,557 days; S3 data events (read and write) on every
 * bucket of the account by default, PHI buckets and their recovery-region replicas included; CIS
 * metric filters and alarms to a KMS-encrypted SNS topic.
 */
export class HipaaAudit extends Construct {
  readonly trail: cloudtrail.Trail;
  readonly trailLogGroup: HipaaLogGroup;
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: HipaaAuditProps) {
    super(scope, id);
    const scopeOfDataEvents = props.dataEventScope ?? 'all-buckets';
    const phiBuckets = props.phiBuckets ?? [];
    requireHipaa(
      this,
      scopeOfDataEvents === 'all-buckets' || phiBuckets.length > 0,
      {
        requirement: 'S3 data events on PHI buckets',
        citation: 'R-INF-7, 45 CFR 164.312(b)',
        fix: "Leave dataEventScope at 'all-buckets', or pass the PHI buckets (recovery-region replicas included) in phiBuckets",
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
    const dataEvents = { readWriteType: cloudtrail.ReadWriteType.ALL, includeManagementEvents: true };
    if (scopeOfDataEvents === 'all-buckets') this.trail.logAllS3DataEvents(dataEvents);
    else if (phiBuckets.length > 0) {
      this.trail.addS3EventSelector(
        phiBuckets.map((bucket) => ({ bucket })),
        dataEvents,
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
