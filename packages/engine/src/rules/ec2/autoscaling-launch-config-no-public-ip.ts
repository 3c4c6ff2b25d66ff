import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const autoscalingLaunchConfigNoPublicIp = defineRule({
  id: 'autoscaling-launch-config-no-public-ip',
  title: 'Launch configurations explicitly disable public IP addresses',
  severity: 'high',
  rationale:
    'Instances launched with public addresses are reachable from the internet; as cdk-nag, an absent AssociatePublicIpAddress fails because the subnet default may then assign one.',
  remediation: {
    cloudformation:
      'Set AssociatePublicIpAddress: false on AWS::AutoScaling::LaunchConfiguration (better: migrate to a launch template).',
    terraform: 'Set associate_public_ip_address = false on aws_launch_configuration.',
    console: 'Create a new launch configuration (or template) with "Do not assign a public IP address".',
  },
  controls: ['public-exposure', 'network-segmentation'],
  kinds: ['LaunchConfiguration'],
  equivalents: {
    cdkNag: ['HIPAA.Security-AutoScalingLaunchConfigPublicIpDisabled'],
    awsConfig: ['autoscaling-launch-config-public-ip-disabled'],
  },
  check(configuration) {
    const publicIp = configuration.facts.associatePublicIp;
    if (publicIp === undefined)
      return fail('AssociatePublicIpAddress is not set to false (the subnet default decides)');
    if (isUnknown(publicIp)) return cannotVerify(`AssociatePublicIpAddress is ${publicIp.$unknown}`);
    return publicIp ? fail('AssociatePublicIpAddress is true') : pass;
  },
});
