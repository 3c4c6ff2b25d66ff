import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const elbAlbWafAssociated = defineRule({
  id: 'elb-alb-waf-associated',
  title: 'Internet-facing application load balancers are protected by AWS WAF',
  severity: 'medium',
  rationale:
    'R-INF-6: the edge filters injection, known bad inputs and floods before they reach an application that holds ' +
    'ePHI; an internet-facing ALB without a web ACL relies on application code alone.',
  remediation: {
    cloudformation:
      'Add AWS::WAFv2::WebACLAssociation { ResourceArn: !Ref Alb, WebACLArn: !GetAtt WebAcl.Arn } (REGIONAL scope ACL).',
    terraform:
      'Add aws_wafv2_web_acl_association { resource_arn = aws_lb.this.arn, web_acl_arn = aws_wafv2_web_acl.this.arn }.',
    console: 'WAF & Shield → Web ACLs → the ACL → Associated AWS resources → Add → the load balancer.',
  },
  controls: ['web-application-protection', 'boundary-protection'],
  kinds: ['LoadBalancer'],
  equivalents: { awsConfig: ['alb-waf-enabled'] },
  check(lb) {
    if (lb.facts.variant !== 'application') return skip;
    const scheme = lb.facts.scheme;
    if (isUnknown(scheme)) return cannotVerify(`scheme is ${scheme.$unknown}`);
    if (scheme !== 'internet-facing') return skip;
    return lb.facts.webAcls.length > 0 ? pass : fail('internet-facing ALB has no WAF web ACL association');
  },
});
