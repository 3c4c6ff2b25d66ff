import { describeVal, isUnknown, possibleValues } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

const KMS_MODES: readonly unknown[] = ['SSE-KMS', 'SSE-KMS-WITH-SERVICE-ROLE'];

export const glueDataCatalogEncrypted = defineRule({
  id: 'glue-data-catalog-encrypted',
  title: 'The Glue Data Catalog is encrypted at rest with KMS',
  severity: 'high',
  rationale:
    "The Data Catalog holds the account's databases, tables, partition values and column statistics (minimum and " +
    'maximum values of each column): catalog entries over ePHI carry ePHI. This account- and region-wide setting ' +
    'defaults to DISABLED. (Whether an account declares the setting at all is checked by the monitor against the ' +
    'live account.)',
  remediation: {
    cloudformation:
      'Set DataCatalogEncryptionSettings.EncryptionAtRest: { CatalogEncryptionMode: SSE-KMS, SseAwsKmsKeyId: !Ref ' +
      'PhiKey } on AWS::Glue::DataCatalogEncryptionSettings.',
    terraform:
      'Set data_catalog_encryption_settings { encryption_at_rest { catalog_encryption_mode = "SSE-KMS", ' +
      'sse_aws_kms_key_id = aws_kms_key.phi.arn } } on aws_glue_data_catalog_encryption_settings.',
    console:
      'Glue → Data Catalog → Catalog settings → Metadata encryption: turn on, choose a customer managed key.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['GlueDataCatalogEncryption'],
  check(settings) {
    const mode = settings.facts.encryptionAtRest;
    const values = possibleValues(mode);
    if (values === undefined)
      return cannotVerify(`CatalogEncryptionMode is ${isUnknown(mode) ? mode.$unknown : describeVal(mode)}`);
    const encrypted = values.filter((value) => KMS_MODES.includes(value)).length;
    if (encrypted === values.length) return pass;
    const described = values.map((value) => describeVal(value)).join(' or ');
    return encrypted === 0
      ? fail(`the Data Catalog is not encrypted at rest (CatalogEncryptionMode ${described})`)
      : cannotVerify(`CatalogEncryptionMode may be ${described}`);
  },
});
