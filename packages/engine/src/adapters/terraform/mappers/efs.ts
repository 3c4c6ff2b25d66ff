import type { TfMapperTable } from '../mapper.js';

export const efsTfMappers: TfMapperTable = {};
