import type { TfMapperTable } from '../mapper.js';
import { athenaTfMappers } from './athena.js';
import { backupTfMappers } from './backup.js';
import { dmsTfMappers } from './dms.js';
import { dynamodbTfMappers } from './dynamodb.js';
import { ebsTfMappers } from './ebs.js';
import { efsTfMappers } from './efs.js';
import { elasticacheTfMappers } from './elasticache.js';
import { glueTfMappers } from './glue.js';
import { kinesisTfMappers } from './kinesis.js';
import { opensearchTfMappers } from './opensearch.js';
import { rdsTfMappers } from './rds.js';
import { redshiftTfMappers } from './redshift.js';
import { s3TfMappers } from './s3.js';
import { sagemakerTfMappers } from './sagemaker.js';

/** Terraform mappings of the data group, one file per service beside this one. */
export const dataTfMappers: TfMapperTable = {
  ...s3TfMappers,
  ...rdsTfMappers,
  ...dynamodbTfMappers,
  ...efsTfMappers,
  ...ebsTfMappers,
  ...elasticacheTfMappers,
  ...backupTfMappers,
  ...opensearchTfMappers,
  ...redshiftTfMappers,
  ...dmsTfMappers,
  ...sagemakerTfMappers,
  ...kinesisTfMappers,
  ...athenaTfMappers,
  ...glueTfMappers,
};
