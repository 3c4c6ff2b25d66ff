import { defineRule, fail, pass } from '../rule.js';

export const wafv2WebAclLogging = defineRule({
  id: 'wafv2-web-acl-logging',
  title: 'WAFv2 web ACLs have logging enabled',
  severity: 'medium',
  rationale:
    'WAF logs record blocked and allowed requests at the edge: evidence for investigating attacks on applications that serve ePHI.',
  remediation: {
    cloudformation:
      'Add AWS::WAFv2::LoggingConfiguration { ResourceArn: !GetAtt WebAcl.Arn, LogDestinationConfigs: [a log group named aws-waf-logs-…] }.',
    terraform: 'Add aws_wafv2_web_acl_logging_configuration with resource_arn = aws_wafv2_web_acl.this.arn.',
    console: 'WAF & Shield → Web ACLs → the ACL → Logging and metrics → Enable logging.',
  },
  controls: ['audit-logging', 'security-monitoring'],
  kinds: ['WebAcl'],
  equivalents: { cdkNag: ['HIPAA.Security-WAFv2LoggingEnabled'], awsConfig: ['wafv2-logging-enabled'] },
  check(acl) {
    return acl.facts.loggingEnabled ? pass : fail('no logging configuration for the web ACL');
  },
});
