import type { TfMapperTable } from '../mapper.js';

/** Terraform mappings of the security group, one file per service beside this one. */
export const securityTfMappers: TfMapperTable = {};
