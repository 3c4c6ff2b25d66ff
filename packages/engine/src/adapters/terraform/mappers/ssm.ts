import type { SsmParameterFacts } from '../../../model/kinds/ssm.js';
import { isRef } from '../../../model/values.js';
import { str } from '../../read.js';
import { type TfMapperTable, tfMapping } from '../mapper.js';
import { declared } from './vpc.js';

/** `aws_ssm_parameter` (`value`, or `insecure_value` which the provider never treats as sensitive). */
const parameter = tfMapping('SsmParameter', (view): SsmParameterFacts => {
  const v = view.values;
  const raw = declared(v.value) ?? declared(v.insecure_value);
  return {
    name: str(declared(v.name), undefined),
    type: str(declared(v.type), 'String'),
    value: isRef(raw) ? raw : str(raw, ''),
  };
});

export const ssmTfMappers: TfMapperTable = {
  aws_ssm_parameter: parameter,
};
