import { isUnknown } from '../../model/values.js';
import { isCustomerManagedKey } from '../backup/checks.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const dmsReplicationInstanceCmk = defineRule({
  id: 'dms-replication-instance-cmk',
  title: 'DMS replication instances encrypt storage with a customer managed key',
  severity: 'medium',
  rationale:
    'A replication instance buffers migrated ePHI and endpoint connection details on its storage; under the AWS ' +
    'managed aws/dms key, access to that data cannot be restricted, audited or revoked through a key policy of ' +
    'your own (R-INF-2).',
  remediation: {
    cloudformation: 'Set KmsKeyId: !GetAtt PhiKey.Arn on the AWS::DMS::ReplicationInstance (a new instance).',
    terraform: 'Set kms_key_arn = aws_kms_key.phi.arn on aws_dms_replication_instance (a new instance).',
    console: 'Create a new replication instance with Advanced → KMS key set to a customer managed key.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['ReplicationInstance'],
  check(instance) {
    const key = instance.facts.kmsKey === '' ? undefined : instance.facts.kmsKey;
    const cmk = isCustomerManagedKey(key);
    if (isUnknown(cmk)) return cannotVerify(`KMS key is ${cmk.$unknown}`);
    return cmk
      ? pass
      : fail(
          key === undefined
            ? 'no KMS key is set: storage is encrypted with the AWS managed key aws/dms'
            : `storage is encrypted with the AWS managed key ${String(key)}`,
        );
  },
});
