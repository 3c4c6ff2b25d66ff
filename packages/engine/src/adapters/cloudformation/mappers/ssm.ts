import type { SsmParameterFacts } from '../../../model/kinds/ssm.js';
import { isRef } from '../../../model/values.js';
import { str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

/** `AWS::SSM::Parameter`: CloudFormation writes `String` and `StringList` parameters only — never `SecureString`. */
const parameter = cfnMapping('SsmParameter', (view): SsmParameterFacts => {
  const p = view.properties;
  return {
    name: str(p.Name, undefined),
    type: str(p.Type, 'String'),
    value: isRef(p.Value) ? p.Value : str(p.Value, ''),
  };
});

export const ssmCfnMappers: CfnMapperTable = {
  'AWS::SSM::Parameter': parameter,
};
