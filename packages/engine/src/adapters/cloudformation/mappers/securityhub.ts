import type { HubFacts } from '../../../model/kinds/securityhub.js';
import { bool, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

const hub = cfnMapping('Hub', (view, context): HubFacts => {
  const p = view.properties;
  return {
    enableDefaultStandards: bool(p.EnableDefaultStandards, true),
    // AWS::SecurityHub::Standard names no hub (it applies to the account's), so it stays listed on its own
    // as Unmodelled and is read here.
    standards: context.ofType('AWS::SecurityHub::Standard').map((s) => str(s.properties.StandardsArn, '')),
  };
});

export const securityhubCfnMappers: CfnMapperTable = {
  'AWS::SecurityHub::Hub': hub,
};
