import type { CfnMapperTable } from '../mapper.js';
import { cloudtrailCfnMappers } from './cloudtrail.js';
import { configCfnMappers } from './config.js';
import { guarddutyCfnMappers } from './guardduty.js';
import { iamCfnMappers } from './iam.js';
import { kmsCfnMappers } from './kms.js';
import { logsCfnMappers } from './logs.js';
import { secretsmanagerCfnMappers } from './secretsmanager.js';
import { securityhubCfnMappers } from './securityhub.js';
import { snsCfnMappers } from './sns.js';
import { sqsCfnMappers } from './sqs.js';
import { ssmCfnMappers } from './ssm.js';

/** CloudFormation mappings of the security group, one file per service beside this one. */
export const securityCfnMappers: CfnMapperTable = {
  ...kmsCfnMappers,
  ...cloudtrailCfnMappers,
  ...logsCfnMappers,
  ...iamCfnMappers,
  ...secretsmanagerCfnMappers,
  ...sqsCfnMappers,
  ...snsCfnMappers,
  ...guarddutyCfnMappers,
  ...securityhubCfnMappers,
  ...configCfnMappers,
  ...ssmCfnMappers,
};
