import type { CfnMapperTable } from '../mapper.js';
import { dataCfnMappers } from './group-data.js';
import { networkCfnMappers } from './group-network.js';
import { securityCfnMappers } from './group-security.js';
import { samCfnMappers } from './sam.js';

export const cfnMappers: CfnMapperTable = {
  ...dataCfnMappers,
  ...networkCfnMappers,
  ...securityCfnMappers,
  // AWS SAM resources, mapped through the native mappings above (SAM's generated resources: ../sam/transform.ts).
  ...samCfnMappers,
};
