import { defineRule, fail, pass } from '../rule.js';

export const cloudfrontWafAssociated = defineRule({
  id: 'cloudfront-waf-associated',
  title: 'CloudFront distributions are protected by a WAF web ACL',
  severity: 'medium',
  rationale:
    'A distribution is the public front door of the application: without a web ACL, injection, credential stuffing ' +
    'and scraping of ePHI-bearing pages reach the origin unfiltered.',
  remediation: {
    cloudformation:
      'Create an AWS::WAFv2::WebACL with Scope: CLOUDFRONT (in us-east-1) and set DistributionConfig.WebACLId to its Arn.',
    terraform: 'Set web_acl_id = aws_wafv2_web_acl.edge.arn (scope = "CLOUDFRONT", provider in us-east-1).',
    console: 'CloudFront → the distribution → Security → Edit → Enable AWS WAF protections.',
  },
  controls: ['web-application-protection'],
  kinds: ['Distribution'],
  check(distribution) {
    return distribution.facts.webAcl === undefined ? fail('no WAF web ACL (WebACLId not set)') : pass;
  },
});
