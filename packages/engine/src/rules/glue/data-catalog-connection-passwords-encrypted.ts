import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const glueDataCatalogConnectionPasswordsEncrypted = defineRule({
  id: 'glue-data-catalog-connection-passwords-encrypted',
  title: 'Glue connection passwords are KMS-encrypted in the Data Catalog',
  severity: 'high',
  rationale:
    'Without connection password encryption GetConnection returns the password of every connection (often the ' +
    'credentials of a database of ePHI) in the clear to anyone allowed to read the catalog. The setting is per ' +
    'account and region and independent of catalog encryption.',
  remediation: {
    cloudformation:
      'Set DataCatalogEncryptionSettings.ConnectionPasswordEncryption: { ReturnConnectionPasswordEncrypted: true, ' +
      'KmsKeyId: !Ref PhiKey } on AWS::Glue::DataCatalogEncryptionSettings.',
    terraform:
      'Set data_catalog_encryption_settings { connection_password_encryption { return_connection_password_encrypted ' +
      '= true, aws_kms_key_id = aws_kms_key.phi.arn } } on aws_glue_data_catalog_encryption_settings.',
    console:
      'Glue → Data Catalog → Catalog settings → Encrypt connection passwords: turn on, choose a KMS key.',
  },
  controls: ['secrets-management', 'encryption-at-rest'],
  kinds: ['GlueDataCatalogEncryption'],
  check(settings) {
    const encrypted = settings.facts.connectionPasswordEncryption;
    if (isUnknown(encrypted))
      return cannotVerify(`ReturnConnectionPasswordEncrypted is ${encrypted.$unknown}`);
    return encrypted
      ? pass
      : fail(
          'connection passwords are returned in the clear (ReturnConnectionPasswordEncrypted is not true)',
        );
  },
});
