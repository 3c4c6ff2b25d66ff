import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, skip } from '../rule.js';
import { judgeStages } from './stages.js';

export const apigwWafAssociated = defineRule({
  id: 'apigw-waf-associated',
  title: 'REST API stages are protected by AWS WAF',
  severity: 'medium',
  rationale:
    'R-INF-5/R-INF-6: WAF filters injection, bad inputs and floods before they reach integrations that read or write ePHI; an EDGE endpoint without it exposes the API at every CloudFront location.',
  remediation: {
    cloudformation:
      'Add AWS::WAFv2::WebACLAssociation with ResourceArn the stage ARN (arn:<partition>:apigateway:<region>::/restapis/<api id>/stages/<stage name>) and WebACLArn: !GetAtt WebAcl.Arn.',
    terraform:
      'Add aws_wafv2_web_acl_association { resource_arn = aws_api_gateway_stage.this.arn, web_acl_arn = … }.',
    console: 'WAF & Shield → Web ACLs → the ACL → Associated AWS resources → Add → the API Gateway stage.',
  },
  controls: ['web-application-protection', 'boundary-protection'],
  kinds: ['Api'],
  equivalents: { awsConfig: ['api-gw-associated-with-waf'] },
  check(api) {
    // HTTP and WebSocket APIs cannot be associated with WAF; put CloudFront with WAF in front of them instead.
    if (api.facts.protocol !== 'rest') return skip;
    const endpoint = api.facts.endpointType;
    if (isUnknown(endpoint)) return cannotVerify(`endpoint type is ${endpoint.$unknown}`);
    return judgeStages(api.facts.stages, (stage) =>
      stage.webAcls.length > 0 ? undefined : `no WAF web ACL association (${endpoint} endpoint)`,
    );
  },
});
