import type { TfMapperTable } from '../mapper.js';

export const elasticacheTfMappers: TfMapperTable = {};
