/** SAM resource types stand for the service they deploy, so the BAA gate judges the real service. */
const SAM_SERVICES: Record<string, string> = {
  'AWS::Serverless::Function': 'lambda',
  'AWS::Serverless::Api': 'apigateway',
  'AWS::Serverless::HttpApi': 'apigatewayv2',
  'AWS::Serverless::SimpleTable': 'dynamodb',
  'AWS::Serverless::StateMachine': 'stepfunctions',
  'AWS::Serverless::LayerVersion': 'lambda',
  'AWS::Serverless::Application': 'serverlessrepo',
};

/**
 * The service key of a CloudFormation type: its namespace in lower case (`AWS::S3::Bucket` → `s3`,
 * `AWS::ElasticLoadBalancingV2::Listener` → `elasticloadbalancingv2`). Custom resources are `custom`.
 */
export function cfnService(type: string): string {
  const sam = SAM_SERVICES[type];
  if (sam) return sam;
  if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return 'custom';
  const parts = type.split('::');
  return (parts[0] === 'AWS' || parts[0] === 'Alexa') && parts[1]
    ? parts[1].toLowerCase()
    : type.toLowerCase();
}
