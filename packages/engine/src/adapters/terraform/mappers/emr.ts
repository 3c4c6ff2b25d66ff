import type { EmrClusterFacts } from '../../../model/kinds/emr.js';
import { unknown } from '../../../model/values.js';
import { emrEncryptionOf } from '../../emr-security-configuration.js';
import { type TfMapperTable, type TfResourceView, tfMapping } from '../mapper.js';
import { declared, declaredBlock } from './vpc.js';

/** `aws_emr_cluster`: `kerberos_attributes` block; `security_configuration` names an `aws_emr_security_configuration`. */
const cluster = tfMapping('EmrCluster', (view, context) => {
  const v = view.values;
  const reference = declared(v.security_configuration);
  let securityConfiguration: EmrClusterFacts['securityConfiguration'];
  if (reference === undefined || reference === '') securityConfiguration = undefined;
  else {
    const configuration =
      context.resolve(reference) ??
      (typeof reference === 'string'
        ? context
            .memo('emr/security-configurations-by-name', () => {
              const index = new Map<unknown, TfResourceView>();
              for (const item of context.ofType('aws_emr_security_configuration'))
                index.set(item.values.name, item);
              return index;
            })
            .get(reference)
        : undefined);
    if (!configuration) securityConfiguration = unknown('security configuration is not in this input');
    else securityConfiguration = emrEncryptionOf(configuration.values.configuration);
  }
  return { kerberos: declaredBlock(v.kerberos_attributes) !== undefined, securityConfiguration };
});

export const emrTfMappers: TfMapperTable = { aws_emr_cluster: cluster };
