import type { TfMapperTable } from '../mapper.js';
import { s3TfMappers } from './s3.js';

/** Terraform mappings of the data group, one file per service beside this one. */
export const dataTfMappers: TfMapperTable = { ...s3TfMappers };
