import { apigatewayRules } from './apigateway/index.js';
import { cloudfrontRules } from './cloudfront/index.js';
import { codebuildRules } from './codebuild/index.js';
import { codepipelineRules } from './codepipeline/index.js';
import { ec2Rules } from './ec2/index.js';
import { ecrRules } from './ecr/index.js';
import { ecsRules } from './ecs/index.js';
import { elasticbeanstalkRules } from './elasticbeanstalk/index.js';
import { elbRules } from './elb/index.js';
import { emrRules } from './emr/index.js';
import { lambdaRules } from './lambda/index.js';
import type { AnyRule } from './rule.js';
import { vpcRules } from './vpc/index.js';
import { wafv2Rules } from './wafv2/index.js';

/** Rules of the network group; each rule is one file under rules/<service>/. */
export const networkRules: readonly AnyRule[] = [
  ...vpcRules,
  ...elbRules,
  ...lambdaRules,
  ...ecsRules,
  ...wafv2Rules,
  ...apigatewayRules,
  ...ec2Rules,
  ...codebuildRules,
  ...codepipelineRules,
  ...ecrRules,
  ...emrRules,
  ...elasticbeanstalkRules,
  ...cloudfrontRules,
];
