import type { CfnMapperTable } from '../mapper.js';

/** CloudFormation mappings of the security group, one file per service beside this one. */
export const securityCfnMappers: CfnMapperTable = {};
