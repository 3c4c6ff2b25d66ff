import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const ec2Imdsv2Required = defineRule({
  id: 'ec2-imdsv2-required',
  title: 'EC2 instances and Auto Scaling groups require IMDSv2',
  severity: 'high',
  rationale:
    'IMDSv1 answers unauthenticated GETs, so an SSRF flaw in an application hands out the instance role credentials and with them access to ePHI; IMDSv2 session tokens block that.',
  remediation: {
    cloudformation:
      'Set MetadataOptions.HttpTokens: required on the instance, or LaunchTemplateData.MetadataOptions.HttpTokens: required on its launch template (CDK: requireImdsv2: true).',
    terraform: 'Add metadata_options { http_tokens = "required" } to aws_instance / aws_launch_template.',
    console:
      'EC2 → the instance → Actions → Instance settings → Modify instance metadata options → IMDSv2 Required.',
  },
  controls: ['configuration-management', 'least-privilege'],
  kinds: ['Instance', 'AutoScalingGroup'],
  equivalents: { cdkNag: ['HIPAA.Security-EC2IMDSv2Enabled'], awsConfig: ['ec2-imdsv2-check'] },
  check(resource) {
    const tokens = resource.facts.httpTokens;
    if (isUnknown(tokens)) return cannotVerify(`HttpTokens is ${tokens.$unknown}`);
    return tokens === 'required' ? pass : fail(`HttpTokens is ${tokens}: IMDSv1 is allowed`);
  },
});
