import type { TfMapperTable } from '../mapper.js';
import { dataTfMappers } from './group-data.js';
import { networkTfMappers } from './group-network.js';
import { securityTfMappers } from './group-security.js';

export const tfMappers: TfMapperTable = { ...dataTfMappers, ...networkTfMappers, ...securityTfMappers };
