import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as rds from 'aws-cdk-lib/aws-rds';
import { describe, expect, it } from 'vitest';
import { HipaaDatabase } from './database.js';
import { HipaaTable } from './table.js';
import { GOOD_REASON, networkStack } from './testing/fixture.js';

describe('HipaaDatabase and HipaaTable', () => {
  const { stack, keys, network } = networkStack();
  new HipaaDatabase(stack, 'Db', {
    network,
    phiKey: keys.phiKey,
    logKey: keys.logKey,
    instanceIdentifier: 'test-db',
  });
  new HipaaTable(stack, 'Table', {
    phiKey: keys.phiKey,
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
  });
  const template = Template.fromStack(stack);

  it('creates an encrypted, private, Multi-AZ PostgreSQL 17 with 35-day backups and IAM auth', () => {
    template.hasResourceProperties('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      EngineVersion: Match.stringLikeRegexp('^17'),
      StorageEncrypted: true,
      KmsKeyId: Match.anyValue(),
      MultiAZ: true,
      PubliclyAccessible: false,
      BackupRetentionPeriod: 35,
      DeletionProtection: true,
      EnableIAMDatabaseAuthentication: true,
      EnableCloudwatchLogsExports: ['postgresql', 'upgrade'],
      MonitoringInterval: 60,
      EnablePerformanceInsights: true,
      PerformanceInsightsKMSKeyId: Match.anyValue(),
      Tags: Match.arrayWith([{ Key: 'DataClassification', Value: 'PHI' }]),
    });
    template.hasResourceProperties('AWS::RDS::DBParameterGroup', {
      Parameters: Match.objectLike({ 'rds.force_ssl': '1' }),
    });
  });

  it('pre-creates the exported log groups encrypted and kept six years', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/rds/instance/test-db/postgresql',
      RetentionInDays: 2192,
      KmsKeyId: Match.anyValue(),
    });
  });

  it('keeps the generated credentials in Secrets Manager under the PHI key, rotated every 30 days', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', { KmsKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SecretsManager::RotationSchedule', {
      HostedRotationLambda: Match.objectLike({ RotationType: 'PostgreSQLSingleUser' }),
      RotationRules: { ScheduleExpression: 'rate(30 days)' },
    });
  });

  it('creates a DynamoDB table with the PHI key, PITR and deletion protection', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      Tags: Match.arrayWith([{ Key: 'DataClassification', Value: 'PHI' }]),
    });
  });

  it('refuses single-AZ, short backups and old engines unless overridden', () => {
    const n = networkStack();
    const base = { network: n.network, phiKey: n.keys.phiKey, logKey: n.keys.logKey };
    expect(
      () => new HipaaDatabase(n.stack, 'A', { ...base, instanceIdentifier: 'a', multiAz: false }),
    ).toThrow(/a Multi-AZ database is required/);
    expect(
      () => new HipaaDatabase(n.stack, 'B', { ...base, instanceIdentifier: 'b', backupRetentionDays: 7 }),
    ).toThrow(/automated backups kept at least 35 days is required .*got 7/);
    expect(
      () =>
        new HipaaDatabase(n.stack, 'C', {
          ...base,
          instanceIdentifier: 'c',
          engineVersion: rds.PostgresEngineVersion.VER_14,
        }),
    ).toThrow(/PostgreSQL 16 or later is required/);
    expect(
      () =>
        new HipaaDatabase(n.stack, 'D', {
          ...base,
          instanceIdentifier: 'd',
          multiAz: false,
          overrides: { multiAz: GOOD_REASON },
        }),
    ).not.toThrow();
    expect(
      () =>
        new HipaaTable(n.stack, 'T', {
          phiKey: n.keys.phiKey,
          partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
          deletionProtection: false,
        }),
    ).toThrow(/deletion protection on PHI tables is required/);
  });
});
