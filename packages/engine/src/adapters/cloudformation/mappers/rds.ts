import type {
  DatabaseFacts,
  DbClusterFacts,
  DbCommonFacts,
  DbParameterGroup,
  MasterPasswordSource,
} from '../../../model/kinds/rds.js';
import { isRef, isUnknown, unknown, type Val } from '../../../model/values.js';
import { ARN_OF_KIND } from '../../backup-coverage.js';
import { secretStoreIn } from '../../environment.js';
import { bool, list, num, record, refOrString, str } from '../../read.js';
import { type CfnMapContext, type CfnMapperTable, type CfnResourceView, cfnMapping } from '../mapper.js';
import { backupPlansOf, tagRecord } from './backup.js';

/** Where the master password comes from; the value itself is never copied into the model (R-X-2). */
function masterPasswordOf(p: Readonly<Record<string, unknown>>): MasterPasswordSource {
  if (bool(p.ManageMasterUserPassword, false) === true) return 'managed';
  const password = p.MasterUserPassword;
  if (password === undefined || password === null) return 'none';
  // A parameter without NoEcho is shown by describe-stacks and the console to anyone who can read the stack.
  if (isUnknown(password) && password.parameter?.noEcho === false) return 'parameter-echoed';
  // A NoEcho parameter: masked by CloudFormation, and RDS never returns the password — accepted (RDS's own
  // CloudFormation examples), though ManageMasterUserPassword or a dynamic reference is better.
  if (isUnknown(password) || isRef(password)) return 'deploy-time';
  if (typeof password === 'string' && secretStoreIn(password) !== undefined) return 'dynamic-reference';
  // A literal, or a parameter's Default (which the resolver substitutes): in the template in plaintext either way.
  return 'literal';
}

function parametersOf(view: CfnResourceView | undefined): Val<Readonly<Record<string, Val<string>>>> {
  const parameters = record(view?.properties.Parameters);
  if (isUnknown(parameters)) return parameters;
  return Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, str(value, '')]));
}

function parameterGroupOf(value: unknown, context: CfnMapContext): DbParameterGroup {
  if (value === undefined || value === null) return { source: 'default' };
  const group = context.resolve(value);
  if (group) return { source: 'template', group: group.modelId, parameters: parametersOf(group) };
  if (typeof value === 'string' && value.startsWith('default.')) return { source: 'default' };
  return { source: 'external', name: str(value, '') };
}

function logExportsOf(value: unknown): Val<readonly Val<string>[]> {
  const items = list(value);
  if (isUnknown(items)) return items;
  return items.map((item) => str(item, ''));
}

function engineOf(value: unknown): Val<string> {
  const engine = str(value, undefined);
  if (engine === undefined) return unknown('Engine not set (restored from a snapshot or a source instance)');
  return isUnknown(engine) ? engine : engine.toLowerCase();
}

function common(
  view: CfnResourceView,
  context: CfnMapContext,
  p: Readonly<Record<string, unknown>>,
  target: { arn: (typeof ARN_OF_KIND)['Database' | 'DbCluster']; identifier: Val<string> | undefined },
): Omit<DbCommonFacts, 'storageEncrypted' | 'parameterGroup' | 'performanceInsights'> {
  return {
    identifier: target.identifier,
    engine: engineOf(p.Engine),
    engineVersion: str(p.EngineVersion, undefined),
    kmsKey: refOrString(p.KmsKeyId),
    backupRetentionDays: num(p.BackupRetentionPeriod, 1),
    deletionProtection: bool(p.DeletionProtection, false),
    iamAuthentication: bool(p.EnableIAMDatabaseAuthentication, false),
    logExports: logExportsOf(p.EnableCloudwatchLogsExports),
    masterPassword: masterPasswordOf(p),
    monitoringInterval: num(p.MonitoringInterval, 0),
    autoMinorVersionUpgrade: bool(p.AutoMinorVersionUpgrade, true),
    backupPlans: backupPlansOf(view, context, {
      ...target.arn,
      arnName: target.identifier,
      tags: tagRecord(p.Tags),
    }),
  };
}

const database = cfnMapping('Database', (view, context): DatabaseFacts => {
  const p = view.properties;
  const identifier = str(p.DBInstanceIdentifier, undefined);
  const replicaOf = refOrString(p.SourceDBInstanceIdentifier);
  const fromSnapshot = p.DBSnapshotIdentifier !== undefined && p.DBSnapshotIdentifier !== null;
  return {
    ...common(view, context, p, { arn: ARN_OF_KIND.Database, identifier }),
    storageEncrypted:
      p.StorageEncrypted === undefined && (fromSnapshot || replicaOf !== undefined)
        ? unknown(`StorageEncrypted not set: follows the ${fromSnapshot ? 'snapshot' : 'source instance'}`)
        : bool(p.StorageEncrypted, false),
    parameterGroup: parameterGroupOf(p.DBParameterGroupName, context),
    performanceInsights: {
      enabled: bool(p.EnablePerformanceInsights, false),
      kmsKey: refOrString(p.PerformanceInsightsKMSKeyId),
    },
    cluster: refOrString(p.DBClusterIdentifier),
    replicaOf,
    publiclyAccessible:
      p.PubliclyAccessible === undefined || p.PubliclyAccessible === null
        ? unknown(
            'PubliclyAccessible not set: AWS makes the instance public when its VPC has an internet gateway (set it to false)',
          )
        : bool(p.PubliclyAccessible, false),
    multiAz: bool(p.MultiAZ, false),
  };
});

const cluster = cfnMapping('DbCluster', (view, context): DbClusterFacts => {
  const p = view.properties;
  const identifier = str(p.DBClusterIdentifier, undefined);
  const engineMode = str(p.EngineMode, 'provisioned');
  const fromSnapshot = p.SnapshotIdentifier !== undefined && p.SnapshotIdentifier !== null;
  return {
    ...common(view, context, p, { arn: ARN_OF_KIND.DbCluster, identifier }),
    // Aurora Serverless v1 clusters are always encrypted; a restored cluster follows its snapshot.
    storageEncrypted:
      p.StorageEncrypted === undefined && engineMode === 'serverless'
        ? true
        : p.StorageEncrypted === undefined && fromSnapshot
          ? unknown('StorageEncrypted not set: follows the snapshot')
          : bool(p.StorageEncrypted, false),
    parameterGroup: parameterGroupOf(p.DBClusterParameterGroupName, context),
    performanceInsights: {
      enabled: bool(p.PerformanceInsightsEnabled, false),
      kmsKey: refOrString(p.PerformanceInsightsKmsKeyId),
    },
    engineMode,
    publiclyAccessible: bool(p.PubliclyAccessible, false),
  };
});

export const rdsCfnMappers: CfnMapperTable = {
  'AWS::RDS::DBInstance': database,
  'AWS::RDS::DBCluster': cluster,
};
