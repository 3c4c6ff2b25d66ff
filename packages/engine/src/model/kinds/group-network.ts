// Canonical kinds of the network group register their facts by declaration merging, one file per service.
import './apigateway.js';
import './cloudfront.js';
import './codebuild.js';
import './codepipeline.js';
import './ec2.js';
import './ecr.js';
import './ecs.js';
import './elasticbeanstalk.js';
import './elb.js';
import './emr.js';
import './lambda.js';
import './vpc.js';
import './wafv2.js';
