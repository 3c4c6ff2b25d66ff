import type {
  GlueConnectionFacts,
  GlueDataCatalogEncryptionFacts,
  GlueEncryptionUser,
  GlueJobFacts,
  GlueSecurityConfigurationFacts,
} from '../../../model/kinds/glue.js';
import { isUnknown } from '../../../model/values.js';
import { environmentFromMap } from '../../environment.js';
import { glueS3Encryption, glueSecurityConfigurationUse } from '../../glue-security-configuration.js';
import { at, refOrString, str } from '../../read.js';
import { type TfMapContext, type TfMapperTable, type TfResourceView, tfMapping } from '../mapper.js';
import { declared, declaredBlock, tfBool } from './vpc.js';

const SECURITY_CONFIGURATION = 'aws_glue_security_configuration';

/** Every block of `encryption_configuration` is required by the provider; a mode left out is `DISABLED`. */
function securityConfigurationFacts(view: TfResourceView): GlueSecurityConfigurationFacts {
  const v = view.values;
  const encryption = declaredBlock(v.encryption_configuration);
  return {
    name: str(declared(v.name), undefined),
    s3Encryption: glueS3Encryption(declared(at(encryption, 's3_encryption')), 's3_encryption_mode'),
    cloudWatchEncryption: str(
      declared(at(declaredBlock(at(encryption, 'cloudwatch_encryption')), 'cloudwatch_encryption_mode')),
      'DISABLED',
    ),
    jobBookmarksEncryption: str(
      declared(
        at(declaredBlock(at(encryption, 'job_bookmarks_encryption')), 'job_bookmarks_encryption_mode'),
      ),
      'DISABLED',
    ),
  };
}

/** `security_configuration` names the configuration (`aws_glue_security_configuration.x.name`, or its literal name). */
function encryptionUser(view: TfResourceView, context: TfMapContext): GlueEncryptionUser {
  return {
    name: str(declared(view.values.name), undefined),
    securityConfiguration: glueSecurityConfigurationUse(
      declared(view.values.security_configuration),
      context,
      {
        type: SECURITY_CONFIGURATION,
        nameOf: (configuration) => configuration.values.name,
        factsOf: securityConfigurationFacts,
      },
    ),
  };
}

const job = tfMapping('GlueJob', (view, context): GlueJobFacts => {
  const defaults = environmentFromMap(declared(view.values.default_arguments));
  const fixed = environmentFromMap(declared(view.values.non_overridable_arguments));
  return {
    ...encryptionUser(view, context),
    command: str(declared(at(declaredBlock(view.values.command), 'name')), undefined),
    arguments: isUnknown(defaults) ? defaults : isUnknown(fixed) ? fixed : [...defaults, ...fixed],
  };
});

/**
 * `aws_glue_data_catalog_encryption_settings`: the account's Data Catalog settings in the provider's region
 * (`catalog_id` defaults to the account id); both nested blocks are required by the provider.
 */
const dataCatalogEncryption = tfMapping(
  'GlueDataCatalogEncryption',
  (view): GlueDataCatalogEncryptionFacts => {
    const settings = declaredBlock(view.values.data_catalog_encryption_settings);
    const atRest = declaredBlock(at(settings, 'encryption_at_rest'));
    const passwords = declaredBlock(at(settings, 'connection_password_encryption'));
    return {
      catalogId: str(declared(view.values.catalog_id), undefined),
      region: view.region,
      encryptionAtRest: str(declared(at(atRest, 'catalog_encryption_mode')), 'DISABLED'),
      atRestKey: refOrString(declared(at(atRest, 'sse_aws_kms_key_id'))),
      connectionPasswordEncryption: tfBool(at(passwords, 'return_connection_password_encrypted'), false),
    };
  },
);

const connection = tfMapping(
  'GlueConnection',
  (view): GlueConnectionFacts => ({
    name: str(declared(view.values.name), undefined),
    connectionType: str(declared(view.values.connection_type), 'JDBC'),
    properties: environmentFromMap(declared(view.values.connection_properties)),
  }),
);

export const glueTfMappers: TfMapperTable = {
  [SECURITY_CONFIGURATION]: tfMapping('GlueSecurityConfiguration', securityConfigurationFacts),
  aws_glue_job: job,
  aws_glue_crawler: tfMapping('GlueCrawler', encryptionUser),
  aws_glue_dev_endpoint: tfMapping('GlueDevEndpoint', encryptionUser),
  aws_glue_data_catalog_encryption_settings: dataCatalogEncryption,
  aws_glue_connection: connection,
};
