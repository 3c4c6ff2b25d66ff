import type { CfnMapperTable } from '../mapper.js';
import { dataCfnMappers } from './group-data.js';
import { networkCfnMappers } from './group-network.js';
import { securityCfnMappers } from './group-security.js';

export const cfnMappers: CfnMapperTable = { ...dataCfnMappers, ...networkCfnMappers, ...securityCfnMappers };
