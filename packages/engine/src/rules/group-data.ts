import { athenaRules } from './athena/index.js';
import { backupRules } from './backup/index.js';
import { dmsRules } from './dms/index.js';
import { dynamodbRules } from './dynamodb/index.js';
import { ebsRules } from './ebs/index.js';
import { efsRules } from './efs/index.js';
import { elasticacheRules } from './elasticache/index.js';
import { glueRules } from './glue/index.js';
import { kinesisRules } from './kinesis/index.js';
import { opensearchRules } from './opensearch/index.js';
import { rdsRules } from './rds/index.js';
import { redshiftRules } from './redshift/index.js';
import type { AnyRule } from './rule.js';
import { s3Rules } from './s3/index.js';
import { sagemakerRules } from './sagemaker/index.js';

/** Rules of the data group; each rule is one file under rules/<service>/. */
export const dataRules: readonly AnyRule[] = [
  ...s3Rules,
  ...rdsRules,
  ...dynamodbRules,
  ...efsRules,
  ...ebsRules,
  ...elasticacheRules,
  ...backupRules,
  ...opensearchRules,
  ...redshiftRules,
  ...dmsRules,
  ...sagemakerRules,
  ...kinesisRules,
  ...athenaRules,
  ...glueRules,
];
