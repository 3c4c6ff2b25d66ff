import { backupRules } from './backup/index.js';
import { dynamodbRules } from './dynamodb/index.js';
import { ebsRules } from './ebs/index.js';
import { efsRules } from './efs/index.js';
import { elasticacheRules } from './elasticache/index.js';
import { rdsRules } from './rds/index.js';
import type { AnyRule } from './rule.js';
import { s3Rules } from './s3/index.js';

/** Rules of the data group; each rule is one file under rules/<service>/. */
export const dataRules: readonly AnyRule[] = [
  ...s3Rules,
  ...rdsRules,
  ...dynamodbRules,
  ...efsRules,
  ...ebsRules,
  ...elasticacheRules,
  ...backupRules,
];
