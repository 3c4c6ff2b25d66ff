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
import { at, bool, refOrString, str } from '../../read.js';
import { type CfnMapContext, type CfnMapperTable, type CfnResourceView, cfnMapping } from '../mapper.js';

const SECURITY_CONFIGURATION = 'AWS::Glue::SecurityConfiguration';

function securityConfigurationFacts(view: CfnResourceView): GlueSecurityConfigurationFacts {
  const p = view.properties;
  const encryption = p.EncryptionConfiguration;
  return {
    name: str(p.Name, undefined),
    s3Encryption: glueS3Encryption(at(encryption, 'S3Encryptions'), 'S3EncryptionMode'),
    cloudWatchEncryption: str(at(encryption, 'CloudWatchEncryption.CloudWatchEncryptionMode'), 'DISABLED'),
    jobBookmarksEncryption: str(
      at(encryption, 'JobBookmarksEncryption.JobBookmarksEncryptionMode'),
      'DISABLED',
    ),
  };
}

/** `SecurityConfiguration` (a crawler's `CrawlerSecurityConfiguration`) names the configuration; `Ref` gives its name. */
function encryptionUser(view: CfnResourceView, context: CfnMapContext, property: string): GlueEncryptionUser {
  return {
    name: str(view.properties.Name, undefined),
    securityConfiguration: glueSecurityConfigurationUse(view.properties[property], context, {
      type: SECURITY_CONFIGURATION,
      nameOf: (configuration) => configuration.properties.Name,
      factsOf: securityConfigurationFacts,
    }),
  };
}

const job = cfnMapping('GlueJob', (view, context): GlueJobFacts => {
  const defaults = environmentFromMap(view.properties.DefaultArguments);
  const fixed = environmentFromMap(view.properties.NonOverridableArguments);
  return {
    ...encryptionUser(view, context, 'SecurityConfiguration'),
    command: str(at(view.properties.Command, 'Name'), undefined),
    arguments: isUnknown(defaults) ? defaults : isUnknown(fixed) ? fixed : [...defaults, ...fixed],
  };
});

/**
 * `AWS::Glue::DataCatalogEncryptionSettings`: the account's Data Catalog settings in the stack's region, named by
 * `CatalogId` (the account id).
 */
const dataCatalogEncryption = cfnMapping(
  'GlueDataCatalogEncryption',
  (view): GlueDataCatalogEncryptionFacts => {
    const settings = view.properties.DataCatalogEncryptionSettings;
    return {
      catalogId: str(view.properties.CatalogId, undefined),
      region: undefined,
      encryptionAtRest: str(at(settings, 'EncryptionAtRest.CatalogEncryptionMode'), 'DISABLED'),
      atRestKey: refOrString(at(settings, 'EncryptionAtRest.SseAwsKmsKeyId')),
      connectionPasswordEncryption: bool(
        at(settings, 'ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted'),
        false,
      ),
    };
  },
);

const connection = cfnMapping('GlueConnection', (view): GlueConnectionFacts => {
  const input = view.properties.ConnectionInput;
  return {
    name: str(at(input, 'Name'), undefined),
    connectionType: str(at(input, 'ConnectionType'), 'JDBC'),
    properties: environmentFromMap(at(input, 'ConnectionProperties')),
  };
});

export const glueCfnMappers: CfnMapperTable = {
  [SECURITY_CONFIGURATION]: cfnMapping('GlueSecurityConfiguration', securityConfigurationFacts),
  'AWS::Glue::Job': job,
  'AWS::Glue::Crawler': cfnMapping('GlueCrawler', (view, context) =>
    encryptionUser(view, context, 'CrawlerSecurityConfiguration'),
  ),
  'AWS::Glue::DevEndpoint': cfnMapping('GlueDevEndpoint', (view, context) => ({
    ...encryptionUser(view, context, 'SecurityConfiguration'),
    // A development endpoint is named by EndpointName.
    name: str(view.properties.EndpointName, undefined),
  })),
  'AWS::Glue::DataCatalogEncryptionSettings': dataCatalogEncryption,
  'AWS::Glue::Connection': connection,
};
