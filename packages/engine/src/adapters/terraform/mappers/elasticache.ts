import type { CacheFacts } from '../../../model/kinds/elasticache.js';
import { isUnknown, type Val } from '../../../model/values.js';
import { bool, list, num, refOrString, str } from '../../read.js';
import { type TfMapperTable, tfMapping } from '../mapper.js';
import { declared } from './vpc.js';

function engineOf(value: unknown, absent: string): Val<string> {
  const engine = str(declared(value), absent);
  return isUnknown(engine) ? engine : engine.toLowerCase();
}

function modeOf(value: unknown, transit: Val<boolean>): CacheFacts['transitEncryptionMode'] {
  if (transit !== true) return undefined;
  // Optional + Computed: left out with transit encryption on, ElastiCache uses `required`.
  const mode = str(declared(value), 'required');
  if (isUnknown(mode)) return mode;
  return mode === 'preferred' ? 'preferred' : 'required';
}

/** Redis/Valkey clients authenticate with an AUTH token or RBAC user groups; the token value is never read (R-X-2). */
function authenticationOf(authToken: unknown, userGroups: unknown): CacheFacts['authentication'] {
  const groups = list(declared(userGroups));
  if (!isUnknown(groups) && groups.length > 0) return 'rbac';
  const token = declared(authToken);
  if (token !== undefined && token !== '') return 'auth-token';
  if (isUnknown(groups)) return groups;
  return 'none';
}

const replicationGroup = tfMapping('Cache', (view): CacheFacts => {
  const v = view.values;
  const transit = bool(declared(v.transit_encryption_enabled), false);
  return {
    form: 'replication-group',
    engine: engineOf(v.engine, 'redis'),
    engineVersion: str(declared(v.engine_version), undefined),
    memberOf: undefined,
    atRestEncryption: bool(declared(v.at_rest_encryption_enabled), false),
    kmsKey: refOrString(declared(v.kms_key_id)),
    transitEncryption: transit,
    transitEncryptionMode: modeOf(v.transit_encryption_mode, transit),
    authentication: authenticationOf(v.auth_token, v.user_group_ids),
    snapshotRetentionDays: num(declared(v.snapshot_retention_limit), 0),
  };
});

const cacheCluster = tfMapping('Cache', (view): CacheFacts => {
  const v = view.values;
  const memberOf = refOrString(declared(v.replication_group_id));
  const transit = bool(declared(v.transit_encryption_enabled), false);
  return {
    form: 'cache-cluster',
    engine: engineOf(v.engine, ''),
    engineVersion: str(declared(v.engine_version), undefined),
    memberOf,
    // A standalone cache cluster cannot be encrypted at rest; only replication groups and serverless caches can.
    atRestEncryption: false,
    kmsKey: undefined,
    transitEncryption: transit,
    transitEncryptionMode: modeOf(undefined, transit),
    authentication: 'none',
    snapshotRetentionDays: num(declared(v.snapshot_retention_limit), 0),
  };
});

const serverlessCache = tfMapping('Cache', (view): CacheFacts => {
  const v = view.values;
  const userGroup = declared(v.user_group_id);
  return {
    form: 'serverless',
    engine: engineOf(v.engine, ''),
    engineVersion: str(declared(v.major_engine_version), undefined),
    memberOf: undefined,
    // Serverless caches always encrypt at rest and require TLS.
    atRestEncryption: true,
    kmsKey: refOrString(declared(v.kms_key_id)),
    transitEncryption: true,
    transitEncryptionMode: 'required',
    authentication: userGroup === undefined || userGroup === '' ? 'none' : 'rbac',
    snapshotRetentionDays: num(declared(v.snapshot_retention_limit), 0),
  };
});

export const elasticacheTfMappers: TfMapperTable = {
  aws_elasticache_replication_group: replicationGroup,
  aws_elasticache_cluster: cacheCluster,
  aws_elasticache_serverless_cache: serverlessCache,
};
