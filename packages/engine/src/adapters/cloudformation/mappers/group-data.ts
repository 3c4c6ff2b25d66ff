import type { CfnMapperTable } from '../mapper.js';
import { athenaCfnMappers } from './athena.js';
import { backupCfnMappers } from './backup.js';
import { dmsCfnMappers } from './dms.js';
import { dynamodbCfnMappers } from './dynamodb.js';
import { ebsCfnMappers } from './ebs.js';
import { efsCfnMappers } from './efs.js';
import { elasticacheCfnMappers } from './elasticache.js';
import { glueCfnMappers } from './glue.js';
import { kinesisCfnMappers } from './kinesis.js';
import { opensearchCfnMappers } from './opensearch.js';
import { rdsCfnMappers } from './rds.js';
import { redshiftCfnMappers } from './redshift.js';
import { s3CfnMappers } from './s3.js';
import { sagemakerCfnMappers } from './sagemaker.js';

/** CloudFormation mappings of the data group, one file per service beside this one. */
export const dataCfnMappers: CfnMapperTable = {
  ...s3CfnMappers,
  ...dynamodbCfnMappers,
  ...rdsCfnMappers,
  ...efsCfnMappers,
  ...ebsCfnMappers,
  ...elasticacheCfnMappers,
  ...backupCfnMappers,
  ...opensearchCfnMappers,
  ...redshiftCfnMappers,
  ...dmsCfnMappers,
  ...sagemakerCfnMappers,
  ...kinesisCfnMappers,
  ...athenaCfnMappers,
  ...glueCfnMappers,
};
