import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { isGroupMember, isRedisLike } from './caches.js';

export const elasticacheRedisAuthentication = defineRule({
  id: 'elasticache-redis-authentication',
  title: 'Redis and Valkey caches require authentication (AUTH token or RBAC)',
  severity: 'medium',
  rationale:
    'Without AUTH or RBAC user groups anything that reaches the port can read and change cached ePHI; network ' +
    'controls alone are not access control (unique user identification).',
  remediation: {
    cloudformation:
      'Set UserGroupIds: [!Ref CacheUserGroup] (RBAC) or AuthToken: "{{resolve:secretsmanager:cache-auth}}" with ' +
      'TransitEncryptionEnabled: true; ServerlessCache: UserGroupId.',
    terraform: 'Set user_group_ids (RBAC) or auth_token from a secret on aws_elasticache_replication_group.',
    console: 'ElastiCache → cache → Modify → Access control → User group access control list, or AUTH token.',
  },
  controls: ['access-control', 'unique-user-identification'],
  kinds: ['Cache'],
  check(cache) {
    if (isGroupMember(cache)) return skip;
    const redis = isRedisLike(cache);
    if (redis === undefined) return cannotVerify(`engine is ${JSON.stringify(cache.facts.engine)}`);
    if (!redis) return skip;
    const auth = cache.facts.authentication;
    if (isUnknown(auth)) return cannotVerify(`user groups are ${auth.$unknown}`);
    return auth === 'none'
      ? fail('no AUTH token and no RBAC user group: clients connect unauthenticated')
      : pass;
  },
});
