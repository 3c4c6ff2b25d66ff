import type { CacheFacts } from '../../../model/kinds/elasticache.js';
import { isUnknown, type Val } from '../../../model/values.js';
import { bool, list, num, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

function engineOf(value: unknown, absent: string): Val<string> {
  const engine = str(value, absent);
  return isUnknown(engine) ? engine : engine.toLowerCase();
}

function modeOf(value: unknown, transit: Val<boolean>): CacheFacts['transitEncryptionMode'] {
  if (transit !== true) return undefined;
  const mode = str(value, 'required');
  if (isUnknown(mode)) return mode;
  return mode === 'preferred' ? 'preferred' : 'required';
}

/** Redis/Valkey clients authenticate with an AUTH token or RBAC user groups; the token value is never read. */
function authenticationOf(authToken: unknown, userGroups: unknown): CacheFacts['authentication'] {
  const groups = list(userGroups);
  if (!isUnknown(groups) && groups.length > 0) return 'rbac';
  if (authToken !== undefined && authToken !== null) return 'auth-token';
  if (isUnknown(groups)) return groups;
  return 'none';
}

const replicationGroup = cfnMapping('Cache', (view): CacheFacts => {
  const p = view.properties;
  const transit = bool(p.TransitEncryptionEnabled, false);
  return {
    form: 'replication-group',
    engine: engineOf(p.Engine, 'redis'),
    engineVersion: str(p.EngineVersion, undefined),
    memberOf: undefined,
    atRestEncryption: bool(p.AtRestEncryptionEnabled, false),
    kmsKey: refOrString(p.KmsKeyId),
    transitEncryption: transit,
    transitEncryptionMode: modeOf(p.TransitEncryptionMode, transit),
    authentication: authenticationOf(p.AuthToken, p.UserGroupIds),
    snapshotRetentionDays: num(p.SnapshotRetentionLimit, 0),
  };
});

const cacheCluster = cfnMapping('Cache', (view): CacheFacts => {
  const p = view.properties;
  const transit = bool(p.TransitEncryptionEnabled, false);
  return {
    form: 'cache-cluster',
    engine: engineOf(p.Engine, ''),
    engineVersion: str(p.EngineVersion, undefined),
    memberOf: refOrString(p.ReplicationGroupId),
    // A standalone cache cluster cannot be encrypted at rest; only replication groups and serverless caches can.
    atRestEncryption: false,
    kmsKey: undefined,
    transitEncryption: transit,
    transitEncryptionMode: modeOf(undefined, transit),
    authentication: 'none',
    snapshotRetentionDays: num(p.SnapshotRetentionLimit, 0),
  };
});

const serverlessCache = cfnMapping('Cache', (view): CacheFacts => {
  const p = view.properties;
  return {
    form: 'serverless',
    engine: engineOf(p.Engine, ''),
    engineVersion: str(p.MajorEngineVersion, undefined),
    memberOf: undefined,
    // Serverless caches always encrypt at rest and require TLS.
    atRestEncryption: true,
    kmsKey: refOrString(p.KmsKeyId),
    transitEncryption: true,
    transitEncryptionMode: 'required',
    authentication: p.UserGroupId === undefined || p.UserGroupId === null ? 'none' : 'rbac',
    snapshotRetentionDays: num(p.SnapshotRetentionLimit, 0),
  };
});

export const elasticacheCfnMappers: CfnMapperTable = {
  'AWS::ElastiCache::ReplicationGroup': replicationGroup,
  'AWS::ElastiCache::CacheCluster': cacheCluster,
  'AWS::ElastiCache::ServerlessCache': serverlessCache,
};
