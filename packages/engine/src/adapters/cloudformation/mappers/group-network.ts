import type { CfnMapperTable } from '../mapper.js';

/** CloudFormation mappings of the network group, one file per service beside this one. */
export const networkCfnMappers: CfnMapperTable = {};
