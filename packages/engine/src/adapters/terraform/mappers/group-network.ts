import type { TfMapperTable } from '../mapper.js';

/** Terraform mappings of the network group, one file per service beside this one. */
export const networkTfMappers: TfMapperTable = {};
