import type { TfMapperTable } from '../mapper.js';

export const rdsTfMappers: TfMapperTable = {};
