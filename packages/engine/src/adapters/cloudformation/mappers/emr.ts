import type { EmrClusterFacts } from '../../../model/kinds/emr.js';
import { isUnknown, unknown } from '../../../model/values.js';
import { at, bool } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

const cluster = cfnMapping('EmrCluster', (view, context) => {
  const p = view.properties;
  const reference = p.SecurityConfiguration;
  let securityConfiguration: EmrClusterFacts['securityConfiguration'];
  if (reference === undefined) securityConfiguration = undefined;
  else {
    const configuration = context.resolve(reference);
    if (!configuration) securityConfiguration = unknown('security configuration is not in this input');
    else {
      let document = configuration.properties.SecurityConfiguration;
      if (typeof document === 'string') {
        try {
          document = JSON.parse(document);
        } catch {
          document = unknown('security configuration is not valid JSON');
        }
      }
      securityConfiguration = isUnknown(document)
        ? document
        : {
            atRestEncryption: bool(at(document, 'EncryptionConfiguration.EnableAtRestEncryption'), false),
            inTransitEncryption: bool(
              at(document, 'EncryptionConfiguration.EnableInTransitEncryption'),
              false,
            ),
          };
    }
  }
  return { kerberos: p.KerberosAttributes !== undefined, securityConfiguration };
});

export const emrCfnMappers: CfnMapperTable = { 'AWS::EMR::Cluster': cluster };
