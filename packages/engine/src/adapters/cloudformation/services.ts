/** SAM resource types stand for the service they deploy, so the BAA gate judges the real service. */
const SAM_SERVICES = new Map<string, string>(
  Object.entries({
    'AWS::Serverless::Function': 'lambda',
    'AWS::Serverless::Api': 'apigateway',
    'AWS::Serverless::HttpApi': 'apigatewayv2',
    'AWS::Serverless::SimpleTable': 'dynamodb',
    'AWS::Serverless::StateMachine': 'stepfunctions',
    'AWS::Serverless::LayerVersion': 'lambda',
    'AWS::Serverless::Application': 'serverlessrepo',
  }),
);

// A template has a few dozen types and thousands of resources: each type is worked out once.
const services = new Map<string, string>();

/**
 * The service key of a CloudFormation type: its namespace in lower case (`AWS::S3::Bucket` → `s3`,
 * `AWS::ElasticLoadBalancingV2::Listener` → `elasticloadbalancingv2`). Custom resources are `custom`.
 */
export function cfnService(type: string): string {
  let service = services.get(type);
  if (service === undefined) {
    service = serviceOf(type);
    if (services.size < 10_000) services.set(type, service);
  }
  return service;
}

function serviceOf(type: string): string {
  const sam = SAM_SERVICES.get(type);
  if (sam) return sam;
  if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return 'custom';
  const parts = type.split('::');
  return (parts[0] === 'AWS' || parts[0] === 'Alexa') && parts[1]
    ? parts[1].toLowerCase()
    : type.toLowerCase();
}
