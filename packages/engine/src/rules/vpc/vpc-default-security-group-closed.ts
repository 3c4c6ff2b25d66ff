import { defineRule, fail, pass } from '../rule.js';

export const vpcDefaultSecurityGroupClosed = defineRule({
  id: 'vpc-default-security-group-closed',
  title: "The VPC's default security group allows no traffic",
  severity: 'medium',
  rationale:
    'Resources launched without an explicit group land in the default security group, whose default rules allow ' +
    'all traffic between members and all egress; closing it prevents accidental, unsegmented access to ePHI hosts.',
  remediation: {
    cloudformation:
      'In CDK keep restrictDefaultSecurityGroup: true on ec2.Vpc (it adds Custom::VpcRestrictDefaultSG); in plain ' +
      'CloudFormation add a custom resource that revokes the default group rules.',
    terraform: 'Declare aws_default_security_group for the VPC with no ingress and no egress blocks.',
    console: 'VPC → Security groups → the "default" group → delete all inbound and outbound rules.',
  },
  controls: ['network-segmentation', 'least-privilege'],
  kinds: ['Vpc'],
  equivalents: {
    cdkNag: ['HIPAA.Security-VPCDefaultSecurityGroupClosed'],
    awsConfig: ['vpc-default-security-group-closed'],
  },
  check(vpc) {
    return vpc.facts.defaultSecurityGroupRestricted
      ? pass
      : fail('the default security group keeps its default allow rules (no restriction declared)');
  },
});
