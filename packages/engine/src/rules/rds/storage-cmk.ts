import { isUnknown } from '../../model/values.js';
import { defineRule, fail, pass, skip } from '../rule.js';
import { delegated, isAwsManagedRdsKey, kindLabel } from './databases.js';

export const rdsStorageCmk = defineRule({
  id: 'rds-storage-cmk',
  title: 'Encrypted RDS storage uses a customer managed KMS key',
  severity: 'high',
  rationale:
    'The AWS managed aws/rds key cannot be restricted, rotated on your terms or used for cross-account snapshot ' +
    'sharing; a customer managed key puts every read of ePHI behind your key policy (R-INF-2, R-INF-3).',
  remediation: {
    cloudformation:
      'Set KmsKeyId: !Ref PhiKey (a customer managed key) with StorageEncrypted: true at creation.',
    terraform: 'Set kms_key_id = aws_kms_key.phi.arn on aws_db_instance / aws_rds_cluster.',
    console: 'Copy a snapshot under the customer managed key, restore from it, and switch over.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Database', 'DbCluster'],
  check(db) {
    if (delegated(db) || db.facts.storageEncrypted !== true) return skip; // rds-storage-encrypted
    if (isUnknown(db.facts.kmsKey)) return pass; // a key supplied at deploy time is a customer key reference
    return isAwsManagedRdsKey(db.facts.kmsKey)
      ? fail(
          `${kindLabel(db)} storage is encrypted with the AWS managed key aws/rds, not a customer managed key`,
        )
      : pass;
  },
});
