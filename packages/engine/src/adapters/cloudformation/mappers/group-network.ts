import type { CfnMapperTable } from '../mapper.js';
import { apigatewayCfnMappers } from './apigateway.js';
import { cloudfrontCfnMappers } from './cloudfront.js';
import { codebuildCfnMappers } from './codebuild.js';
import { codepipelineCfnMappers } from './codepipeline.js';
import { ec2CfnMappers } from './ec2.js';
import { ecrCfnMappers } from './ecr.js';
import { ecsCfnMappers } from './ecs.js';
import { elasticbeanstalkCfnMappers } from './elasticbeanstalk.js';
import { elbCfnMappers } from './elb.js';
import { emrCfnMappers } from './emr.js';
import { lambdaCfnMappers } from './lambda.js';
import { vpcCfnMappers } from './vpc.js';
import { wafv2CfnMappers } from './wafv2.js';

/** CloudFormation mappings of the network group, one file per service beside this one. */
export const networkCfnMappers: CfnMapperTable = {
  ...vpcCfnMappers,
  ...ec2CfnMappers,
  ...elbCfnMappers,
  ...apigatewayCfnMappers,
  ...wafv2CfnMappers,
  ...lambdaCfnMappers,
  ...ecsCfnMappers,
  ...codebuildCfnMappers,
  ...codepipelineCfnMappers,
  ...ecrCfnMappers,
  ...emrCfnMappers,
  ...elasticbeanstalkCfnMappers,
  ...cloudfrontCfnMappers,
};
