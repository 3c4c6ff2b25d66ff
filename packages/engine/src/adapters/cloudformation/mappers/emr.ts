import type { EmrClusterFacts } from '../../../model/kinds/emr.js';
import { unknown } from '../../../model/values.js';
import { emrEncryptionOf } from '../../emr-security-configuration.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

const cluster = cfnMapping('EmrCluster', (view, context) => {
  const p = view.properties;
  const reference = p.SecurityConfiguration;
  let securityConfiguration: EmrClusterFacts['securityConfiguration'];
  if (reference === undefined) securityConfiguration = undefined;
  else {
    const configuration = context.resolve(reference);
    if (!configuration) securityConfiguration = unknown('security configuration is not in this input');
    else securityConfiguration = emrEncryptionOf(configuration.properties.SecurityConfiguration);
  }
  return { kerberos: p.KerberosAttributes !== undefined, securityConfiguration };
});

export const emrCfnMappers: CfnMapperTable = { 'AWS::EMR::Cluster': cluster };
