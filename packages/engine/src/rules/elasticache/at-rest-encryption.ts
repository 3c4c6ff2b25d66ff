import { mustHold } from '../backup/checks.js';
import { defineRule, skip } from '../rule.js';
import { isGroupMember } from './caches.js';

export const elasticacheAtRestEncryption = defineRule({
  id: 'elasticache-at-rest-encryption',
  title: 'ElastiCache caches are encrypted at rest',
  severity: 'high',
  rationale:
    'Caches hold copies of ePHI (sessions, query results) and write them to disk in snapshots and swap; they must be ' +
    'encrypted at rest like the source (R-INF-4). Only replication groups and serverless caches can be.',
  remediation: {
    cloudformation:
      'Use an AWS::ElastiCache::ReplicationGroup with AtRestEncryptionEnabled: true and KmsKeyId: !Ref PhiKey.',
    terraform: 'Set at_rest_encryption_enabled = true and kms_key_id on aws_elasticache_replication_group.',
    console:
      'Create a new encrypted replication group from a backup and switch the endpoint (it cannot be changed in place).',
  },
  controls: ['encryption-at-rest'],
  kinds: ['Cache'],
  equivalents: { awsConfig: ['elasticache-repl-grp-encrypted-at-rest'] },
  check(cache) {
    if (isGroupMember(cache)) return skip;
    return mustHold(
      cache.facts.atRestEncryption,
      'AtRestEncryptionEnabled',
      cache.facts.form !== 'cache-cluster'
        ? 'at-rest encryption is off'
        : cache.facts.engine === 'memcached'
          ? 'a Memcached cache cluster cannot be encrypted at rest; use ElastiCache Serverless for Memcached (always encrypted) or a Redis OSS/Valkey replication group'
          : 'a standalone cache cluster cannot be encrypted at rest; use a replication group',
    );
  },
});
