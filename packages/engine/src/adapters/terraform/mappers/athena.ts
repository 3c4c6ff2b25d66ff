import type { AthenaWorkGroupFacts } from '../../../model/kinds/athena.js';
import { at, refOrString, str } from '../../read.js';
import { type TfMapperTable, tfMapping } from '../mapper.js';
import { declared, declaredBlock, tfBool } from './vpc.js';

/**
 * `aws_athena_workgroup`: `configuration.result_configuration.encryption_configuration` absent → results are not
 * encrypted by the workgroup; `enforce_workgroup_configuration` defaults to true.
 */
const workGroup = tfMapping('AthenaWorkGroup', (view): AthenaWorkGroupFacts => {
  const v = view.values;
  const configuration = declaredBlock(v.configuration);
  const encryption = declaredBlock(
    at(declaredBlock(at(configuration, 'result_configuration')), 'encryption_configuration'),
  );
  return {
    name: str(declared(v.name), undefined),
    resultEncryption: str(declared(at(encryption, 'encryption_option')), 'NONE'),
    kmsKey: refOrString(declared(at(encryption, 'kms_key_arn'))),
    enforced: tfBool(at(configuration, 'enforce_workgroup_configuration'), true),
  };
});

export const athenaTfMappers: TfMapperTable = {
  aws_athena_workgroup: workGroup,
};
