import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import { isCustomerManagedKey } from './checks.js';

export const backupVaultCmk = defineRule({
  id: 'backup-vault-cmk',
  title: 'Backup vaults are encrypted with a customer managed key',
  severity: 'medium',
  rationale:
    'Recovery points hold full copies of ePHI; under the AWS managed aws/backup key their decryption cannot be ' +
    'restricted or audited separately (R-INF-2, R-INF-11).',
  remediation: {
    cloudformation: 'Set EncryptionKeyArn: !GetAtt PhiKey.Arn on the AWS::Backup::BackupVault (at creation).',
    terraform: 'Set kms_key_arn = aws_kms_key.phi.arn on aws_backup_vault.',
    console:
      'Create a new vault with a customer managed key and point the plan rules at it (the key cannot be changed).',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['BackupVault'],
  check(vault) {
    const cmk = isCustomerManagedKey(vault.facts.kmsKey);
    if (isUnknown(cmk)) return cannotVerify(`EncryptionKeyArn is ${cmk.$unknown}`);
    return cmk ? pass : fail('vault uses the AWS managed key aws/backup (EncryptionKeyArn not set)');
  },
});
