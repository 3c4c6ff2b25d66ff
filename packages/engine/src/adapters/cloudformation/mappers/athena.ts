import type { AthenaWorkGroupFacts } from '../../../model/kinds/athena.js';
import { at, bool, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

/**
 * `AWS::Athena::WorkGroup`: without `ResultConfiguration.EncryptionConfiguration` query results (rows of the
 * queried data) are written to S3 as each client asks; `EnforceWorkGroupConfiguration` defaults to true.
 */
const workGroup = cfnMapping('AthenaWorkGroup', (view): AthenaWorkGroupFacts => {
  const p = view.properties;
  const configuration = p.WorkGroupConfiguration;
  const encryption = at(configuration, 'ResultConfiguration.EncryptionConfiguration');
  return {
    name: str(p.Name, undefined),
    resultEncryption: str(at(encryption, 'EncryptionOption'), 'NONE'),
    kmsKey: refOrString(at(encryption, 'KmsKey')),
    enforced: bool(at(configuration, 'EnforceWorkGroupConfiguration'), true),
  };
});

export const athenaCfnMappers: CfnMapperTable = {
  'AWS::Athena::WorkGroup': workGroup,
};
