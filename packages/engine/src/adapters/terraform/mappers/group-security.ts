import type { TfMapperTable } from '../mapper.js';
import { cloudtrailTfMappers } from './cloudtrail.js';
import { detectionTfMappers } from './detection.js';
import { iamTfMappers } from './iam.js';
import { kmsTfMappers } from './kms.js';
import { logsTfMappers } from './logs.js';
import { secretsmanagerTfMappers } from './secretsmanager.js';
import { snsTfMappers } from './sns.js';
import { sqsTfMappers } from './sqs.js';
import { ssmTfMappers } from './ssm.js';

/** Terraform mappings of the security group, one file per service beside this one. */
export const securityTfMappers: TfMapperTable = {
  ...kmsTfMappers,
  ...cloudtrailTfMappers,
  ...logsTfMappers,
  ...iamTfMappers,
  ...secretsmanagerTfMappers,
  ...sqsTfMappers,
  ...snsTfMappers,
  ...detectionTfMappers,
  ...ssmTfMappers,
};
