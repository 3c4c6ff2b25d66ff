import type { ResourceRef, Val } from '../values.js';

/**
 * An ElastiCache replication group, cache cluster or serverless cache. Facts that a form does not have take the
 * form's fixed AWS behaviour (a serverless cache is always encrypted at rest and in transit).
 */
export interface CacheFacts {
  readonly form: 'replication-group' | 'cache-cluster' | 'serverless';
  /** `redis`, `valkey`, `memcached` (lower case). */
  readonly engine: Val<string>;
  readonly engineVersion: Val<string> | undefined;
  /** Member of a replication group (`ReplicationGroupId` of a cache cluster): the group's settings apply. */
  readonly memberOf: Val<ResourceRef | string> | undefined;
  /** @default false (true for serverless) */
  readonly atRestEncryption: Val<boolean>;
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /** @default false (true for serverless) */
  readonly transitEncryption: Val<boolean>;
  /** `TransitEncryptionMode`: `preferred` still accepts plaintext clients. @default required when transit is on */
  readonly transitEncryptionMode: Val<'required' | 'preferred'> | undefined;
  /** Redis AUTH token set (`AuthToken`; never its value) or RBAC user groups attached. */
  readonly authentication: Val<'auth-token' | 'rbac' | 'none'>;
  /** Days automatic snapshots are kept (0 = none). @default 0 (serverless: 0 unless `SnapshotRetentionLimit`) */
  readonly snapshotRetentionDays: Val<number>;
}

declare module '../resource.js' {
  interface KindFacts {
    Cache: CacheFacts;
  }
}
