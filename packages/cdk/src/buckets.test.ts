import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { HipaaLogArchive, HipaaPhiBucket } from './buckets.js';
import { recoverySiteNames } from './recovery.js';
import { GOOD_REASON, keyedStack } from './testing/fixture.js';

describe('HipaaLogArchive and HipaaPhiBucket', () => {
  const { stack, keys } = keyedStack();
  const dr = recoverySiteNames(stack, 'clinic-test', 'us-west-2');
  const archive = new HipaaLogArchive(stack, 'LogArchive', {
    logKey: keys.logKey,
    replication: dr.logArchiveReplication,
  });
  new HipaaPhiBucket(stack, 'Phi', {
    phiKey: keys.phiKey,
    accessLogBucket: archive.accessLogBucket,
    replication: dr.phiReplication,
  });
  const template = Template.fromStack(stack);

  it('encrypts the PHI bucket with the PHI key and a bucket key, versioned, fully blocked, logged, replicated', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() },
          },
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'phi/Phi/' },
      ReplicationConfiguration: {
        Rules: [
          Match.objectLike({
            Status: 'Enabled',
            Destination: Match.objectLike({ EncryptionConfiguration: { ReplicaKmsKeyID: Match.anyValue() } }),
          }),
        ],
      },
      Tags: Match.arrayWith([{ Key: 'DataClassification', Value: 'PHI' }]),
    });
  });

  it('replicates to the deterministic DR bucket under the DR key alias', () => {
    const json = JSON.stringify(template.findResources('AWS::S3::Bucket'));
    expect(json).toContain('clinic-test-phi-replica-123456789012-us-west-2');
    expect(json).toContain(':kms:us-west-2:123456789012:alias/clinic-test/dr');
  });

  it('denies non-TLS requests and uploads without SSE-KMS or with another key', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Sid: 'DenyUploadsWithoutSseKms',
            Effect: 'Deny',
            Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
          }),
          Match.objectLike({ Sid: 'DenyUploadsWithOtherKey', Effect: 'Deny' }),
        ]),
      },
    });
  });

  it('locks the log archive in compliance mode for six years and moves it to Glacier', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2192 } },
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 90 }] }),
        ]),
      },
    });
  });

  it('refuses a PHI bucket without replication and a short Object Lock unless overridden', () => {
    const s = keyedStack();
    const a = new HipaaLogArchive(s.stack, 'A', { logKey: s.keys.logKey });
    expect(
      () =>
        new HipaaPhiBucket(s.stack, 'NoDr', { phiKey: s.keys.phiKey, accessLogBucket: a.accessLogBucket }),
    ).toThrow(/cross-region replication of PHI buckets is required \(R-INF-11/);
    expect(
      () =>
        new HipaaPhiBucket(s.stack, 'NoDr2', {
          phiKey: s.keys.phiKey,
          accessLogBucket: a.accessLogBucket,
          overrides: { replication: GOOD_REASON },
        }),
    ).not.toThrow();
    expect(
      () => new HipaaLogArchive(s.stack, 'Short', { logKey: s.keys.logKey, objectLockRetentionDays: 30 }),
    ).toThrow(/Object Lock retention of at least 2192 days .* is required.*got 30/);
  });
});
