import type { TfMapperTable } from '../mapper.js';

export const ebsTfMappers: TfMapperTable = {};
