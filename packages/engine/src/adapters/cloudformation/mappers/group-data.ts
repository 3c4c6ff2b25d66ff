import type { CfnMapperTable } from '../mapper.js';
import { s3CfnMappers } from './s3.js';

/** CloudFormation mappings of the data group, one file per service beside this one. */
export const dataCfnMappers: CfnMapperTable = { ...s3CfnMappers };
