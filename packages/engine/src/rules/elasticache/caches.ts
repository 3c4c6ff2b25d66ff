import type { Resource } from '../../model/resource.js';
import { isUnknown } from '../../model/values.js';

/** Redis-protocol engines (Redis OSS, Valkey) support snapshots and AUTH/RBAC; Memcached supports neither. */
export function isRedisLike(cache: Resource<'Cache'>): boolean | undefined {
  const engine = cache.facts.engine;
  if (isUnknown(engine)) return undefined;
  return engine === 'redis' || engine === 'valkey';
}

/** A cache cluster that belongs to a replication group takes the group's settings; the group is judged. */
export function isGroupMember(cache: Resource<'Cache'>): boolean {
  return cache.facts.memberOf !== undefined;
}
