import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { delegated, kindLabel } from './databases.js';

export const rdsStorageEncrypted = defineRule({
  id: 'rds-storage-encrypted',
  title: 'RDS instances and clusters encrypt their storage',
  severity: 'high',
  rationale:
    'Unencrypted storage leaves ePHI, its backups, snapshots and replicas readable to anyone who obtains the volumes ' +
    'or a shared snapshot; RDS encryption can only be chosen at creation (R-INF-3).',
  remediation: {
    cloudformation: 'Set StorageEncrypted: true and KmsKeyId: !Ref PhiKey (on the DBCluster for Aurora).',
    terraform:
      'Set storage_encrypted = true and kms_key_id = aws_kms_key.phi.arn on aws_db_instance / aws_rds_cluster.',
    console:
      'Take a snapshot, copy it with encryption under the PHI key, restore a new instance from the copy and switch over.',
  },
  controls: ['encryption-at-rest'],
  kinds: ['Database', 'DbCluster'],
  equivalents: { cdkNag: ['HIPAA.Security-RDSStorageEncrypted'], awsConfig: ['rds-storage-encrypted'] },
  check(db) {
    if (delegated(db)) return skip;
    const encrypted = db.facts.storageEncrypted;
    if (isUnknown(encrypted)) return cannotVerify(`storage encryption is ${encrypted.$unknown}`);
    return encrypted
      ? pass
      : fail(`${kindLabel(db)} storage is not encrypted (StorageEncrypted is false or absent)`);
  },
});
