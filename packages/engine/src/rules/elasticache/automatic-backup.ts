import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { isGroupMember, isRedisLike } from './caches.js';

export const elasticacheAutomaticBackup = defineRule({
  id: 'elasticache-automatic-backup',
  title: 'Redis and Valkey caches keep automatic snapshots',
  severity: 'medium',
  rationale:
    'A cache that is a system of record for sessions or queues loses that data on a node failure unless automatic ' +
    'snapshots are kept (SnapshotRetentionLimit > 0).',
  remediation: {
    cloudformation: 'Set SnapshotRetentionLimit: 7 (and a SnapshotWindow).',
    terraform: 'Set snapshot_retention_limit = 7 on aws_elasticache_replication_group.',
    console: 'ElastiCache → cache → Modify → Backup → Enable automatic backups, retention 7 days.',
  },
  controls: ['backup'],
  kinds: ['Cache'],
  equivalents: {
    cdkNag: ['HIPAA.Security-ElastiCacheRedisClusterAutomaticBackup'],
    awsConfig: ['elasticache-redis-cluster-automatic-backup-check'],
  },
  check(cache) {
    if (isGroupMember(cache)) return skip;
    const redis = isRedisLike(cache);
    if (redis === undefined) return cannotVerify(`engine is ${JSON.stringify(cache.facts.engine)}`);
    if (!redis) return skip;
    const days = cache.facts.snapshotRetentionDays;
    if (isUnknown(days)) return cannotVerify(`SnapshotRetentionLimit is ${days.$unknown}`);
    return days > 0 ? pass : fail('automatic snapshots are off (SnapshotRetentionLimit 0)');
  },
});
