import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const s3BucketReplication = defineRule({
  id: 's3-bucket-replication',
  title: 'S3 bucket replicates to another bucket',
  severity: 'medium',
  rationale:
    'Replication to a bucket in another region keeps ePHI available when a region fails (R-INF-11, contingency plan).',
  remediation: {
    cloudformation:
      'Set ReplicationConfiguration { Role, Rules: [{ Status: Enabled, Destination: { Bucket: <replica ARN>, ' +
      'EncryptionConfiguration: { ReplicaKmsKeyID: <destination-region key> } } }] } (versioning required).',
    terraform: 'Add aws_s3_bucket_replication_configuration with a rule to a bucket in the recovery region.',
    console: 'S3 → bucket → Management → Replication rules → Create replication rule.',
  },
  controls: ['disaster-recovery', 'backup'],
  kinds: ['Bucket'],
  equivalents: {
    cdkNag: ['HIPAA.Security-S3BucketReplicationEnabled'],
    awsConfig: ['s3-bucket-replication-enabled'],
  },
  check(bucket) {
    const replication = bucket.facts.replication;
    if (isUnknown(replication)) return cannotVerify(`replication configuration is ${replication.$unknown}`);
    if (replication === undefined || replication.destinations.length === 0)
      return fail('no replication rule');
    return pass;
  },
});
