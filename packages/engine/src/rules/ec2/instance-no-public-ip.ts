import type { Resource } from '../../model/resource.js';
import { isRef, isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const ec2InstanceNoPublicIp = defineRule({
  id: 'ec2-instance-no-public-ip',
  title: 'EC2 instances do not request a public IP address',
  severity: 'high',
  rationale:
    'An instance with a public address is reachable from the internet whenever a security group slips; hosts that process ePHI belong in private subnets (R-INF-1).',
  remediation: {
    cloudformation:
      'Remove AssociatePublicIpAddress: true from NetworkInterfaces and launch the instance in a private subnet.',
    terraform: 'Set associate_public_ip_address = false on aws_instance and use a private subnet_id.',
    console: 'Launch in a private subnet with Auto-assign public IP disabled; release any Elastic IP.',
  },
  controls: ['public-exposure', 'network-segmentation'],
  kinds: ['Instance'],
  equivalents: { cdkNag: ['HIPAA.Security-EC2InstanceNoPublicIp'], awsConfig: ['ec2-instance-no-public-ip'] },
  check(instance, { model }) {
    const publicIp = instance.facts.associatePublicIp;
    if (isUnknown(publicIp)) return cannotVerify(`AssociatePublicIpAddress is ${publicIp.$unknown}`);
    if (publicIp === true) return fail('a network interface sets AssociatePublicIpAddress: true');
    if (publicIp === false) return pass;
    // Not set on the instance: the subnet's MapPublicIpOnLaunch decides (when the subnet is in this input).
    const subnetRef = instance.facts.subnet;
    const subnet = isRef(subnetRef) ? model.get(subnetRef.$ref) : undefined;
    if (subnet?.kind === 'Subnet' && (subnet as Resource<'Subnet'>).facts.mapPublicIpOnLaunch === true) {
      return fail(
        `launched in subnet ${subnet.source.nativeId}, which assigns public IPs (MapPublicIpOnLaunch: true)`,
      );
    }
    return pass;
  },
});
