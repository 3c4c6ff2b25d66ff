import type { TfMapperTable } from '../mapper.js';

export const backupTfMappers: TfMapperTable = {};
