import type { TfMapperTable } from '../mapper.js';

export const dynamodbTfMappers: TfMapperTable = {};
