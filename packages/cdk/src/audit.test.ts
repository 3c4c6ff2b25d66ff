import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { HipaaAudit, SECURITY_ALARMS } from './audit.js';
import { HipaaDetection } from './detection.js';
import { HipaaLogGroup } from './log-group.js';
import { GOOD_REASON, keyedStack } from './testing/fixture.js';

describe('HipaaAudit, HipaaDetection and HipaaLogGroup', () => {
  const { stack, keys } = keyedStack();
  const archive = new s3.Bucket(stack, 'Archive');
  const phi = new s3.Bucket(stack, 'Phi');
  new HipaaAudit(stack, 'Audit', { logKey: keys.logKey, logArchiveBucket: archive, phiBuckets: [phi] });
  new HipaaDetection(stack, 'Detection', { logArchiveBucket: archive, logKey: keys.logKey });
  const template = Template.fromStack(stack);

  it('creates a multi-region, validated, KMS-encrypted trail delivered to CloudWatch Logs', () => {
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      IncludeGlobalServiceEvents: true,
      KMSKeyId: Match.anyValue(),
      CloudWatchLogsLogGroupArn: Match.anyValue(),
      EventSelectors: Match.arrayWith([
        Match.objectLike({
          DataResources: [Match.objectLike({ Type: 'AWS::S3::Object' })],
          ReadWriteType: 'All',
        }),
      ]),
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 2557,
      KmsKeyId: Match.anyValue(),
    });
  });

  it('records read and write data events on every bucket by default (PHI replicas in the DR region included)', () => {
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      EventSelectors: Match.arrayWith([
        {
          DataResources: [
            {
              Type: 'AWS::S3::Object',
              Values: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::']] }],
            },
          ],
          IncludeManagementEvents: true,
          ReadWriteType: 'All',
        },
      ]),
    });
  });

  it('lists the PHI buckets with the phi-buckets scope, and refuses that scope with none', () => {
    const s = keyedStack();
    const bucket = new s3.Bucket(s.stack, 'B');
    const replica = s3.Bucket.fromBucketArn(
      s.stack,
      'Replica',
      'arn:aws:s3:::env-phi-replica-123456789012-us-west-2',
    );
    new HipaaAudit(s.stack, 'Listed', {
      logKey: s.keys.logKey,
      logArchiveBucket: bucket,
      dataEventScope: 'phi-buckets',
      phiBuckets: [bucket, replica],
    });
    const selectors = JSON.stringify(Template.fromStack(s.stack).findResources('AWS::CloudTrail::Trail'));
    expect(selectors).toContain('arn:aws:s3:::env-phi-replica-123456789012-us-west-2/');
    expect(selectors).not.toContain('"arn:aws:s3:::"');
    expect(
      () =>
        new HipaaAudit(s.stack, 'Unlisted', {
          logKey: s.keys.logKey,
          logArchiveBucket: bucket,
          dataEventScope: 'phi-buckets',
        }),
    ).toThrow(/S3 data events on PHI buckets is required .* pass overrides\.dataEvents/);
  });

  it('alarms on each CIS event class to an encrypted topic', () => {
    template.resourceCountIs('AWS::Logs::MetricFilter', SECURITY_ALARMS.length);
    template.resourceCountIs('AWS::CloudWatch::Alarm', SECURITY_ALARMS.length);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [Match.anyValue()] });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: Match.stringLikeRegexp('ConsoleLogin'),
    });
  });

  it('enables GuardDuty, Security Hub (CIS + FSBP), Config and the HIPAA conformance pack', () => {
    template.hasResourceProperties('AWS::GuardDuty::Detector', { Enable: true });
    template.resourceCountIs('AWS::SecurityHub::Standard', 2);
    const standards = JSON.stringify(template.findResources('AWS::SecurityHub::Standard'));
    expect(standards).toContain('cis-aws-foundations-benchmark');
    expect(standards).toContain('aws-foundational-security-best-practices');
    template.hasResourceProperties('AWS::Config::ConfigurationRecorder', {
      RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true },
    });
    template.hasResourceProperties('AWS::Config::DeliveryChannel', { S3KmsKeyArn: Match.anyValue() });
    template.hasResourceProperties('AWS::Config::ConformancePack', {
      ConformancePackName: 'Operational-Best-Practices-for-HIPAA-Security',
      TemplateBody: Match.stringLikeRegexp('RDS_STORAGE_ENCRYPTED'),
    });
  });

  it('refuses to turn detection services off without a reason', () => {
    const s = keyedStack();
    const bucket = new s3.Bucket(s.stack, 'B');
    expect(
      () =>
        new HipaaDetection(s.stack, 'D', {
          logArchiveBucket: bucket,
          logKey: s.keys.logKey,
          guardDuty: false,
        }),
    ).toThrow(/GuardDuty threat detection is required .* pass overrides\.guardDuty/);
    expect(
      () =>
        new HipaaDetection(s.stack, 'D2', {
          logArchiveBucket: bucket,
          logKey: s.keys.logKey,
          guardDuty: false,
          overrides: {
            guardDuty: { reason: 'Enabled organisation-wide by the delegated administrator account.' },
          },
        }),
    ).not.toThrow();
  });

  it('refuses log retention under six years unless overridden', () => {
    const s = keyedStack();
    expect(
      () => new HipaaLogGroup(s.stack, 'Short', { encryptionKey: s.keys.logKey, retention: 365 }),
    ).toThrow(/log retention of at least 2192 days is required .* \(got 365\)/);
    expect(
      () =>
        new HipaaLogGroup(s.stack, 'Short2', {
          encryptionKey: s.keys.logKey,
          retention: 365,
          overrides: { retention: GOOD_REASON },
        }),
    ).not.toThrow();
  });
});
