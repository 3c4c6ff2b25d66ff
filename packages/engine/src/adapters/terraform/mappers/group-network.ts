import type { TfMapperTable } from '../mapper.js';
import { apigatewayTfMappers } from './apigateway.js';
import { cloudfrontTfMappers } from './cloudfront.js';
import { codebuildTfMappers } from './codebuild.js';
import { codepipelineTfMappers } from './codepipeline.js';
import { ec2TfMappers } from './ec2.js';
import { ecrTfMappers } from './ecr.js';
import { ecsTfMappers } from './ecs.js';
import { elasticbeanstalkTfMappers } from './elasticbeanstalk.js';
import { elbTfMappers } from './elb.js';
import { emrTfMappers } from './emr.js';
import { lambdaTfMappers } from './lambda.js';
import { vpcTfMappers } from './vpc.js';
import { wafv2TfMappers } from './wafv2.js';

/** Terraform mappings of the network group, one file per service beside this one. */
export const networkTfMappers: TfMapperTable = {
  ...vpcTfMappers,
  ...ec2TfMappers,
  ...elbTfMappers,
  ...apigatewayTfMappers,
  ...wafv2TfMappers,
  ...lambdaTfMappers,
  ...ecsTfMappers,
  ...codebuildTfMappers,
  ...codepipelineTfMappers,
  ...ecrTfMappers,
  ...emrTfMappers,
  ...elasticbeanstalkTfMappers,
  ...cloudfrontTfMappers,
};
