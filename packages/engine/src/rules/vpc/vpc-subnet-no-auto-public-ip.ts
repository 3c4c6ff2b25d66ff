import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const vpcSubnetNoAutoPublicIp = defineRule({
  id: 'vpc-subnet-no-auto-public-ip',
  title: 'Subnets do not auto-assign public IP addresses',
  severity: 'medium',
  rationale:
    'A subnet that hands every new instance a public address puts workloads on the internet by default; public ' +
    'reachability should be an explicit choice for load balancers only (R-INF-1).',
  remediation: {
    cloudformation:
      'Set MapPublicIpOnLaunch: false and AssignIpv6AddressOnCreation: false on AWS::EC2::Subnet.',
    terraform:
      'Set map_public_ip_on_launch = false and assign_ipv6_address_on_creation = false on aws_subnet.',
    console:
      'VPC → Subnets → the subnet → Actions → Edit subnet settings → clear auto-assign public IPv4/IPv6.',
  },
  controls: ['public-exposure', 'network-segmentation'],
  kinds: ['Subnet'],
  equivalents: {
    cdkNag: ['HIPAA.Security-VPCSubnetAutoAssignPublicIpDisabled'],
    awsConfig: ['subnet-auto-assign-public-ip-disabled'],
  },
  check(subnet) {
    const { mapPublicIpOnLaunch: v4, assignIpv6AddressOnCreation: v6 } = subnet.facts;
    const on = [
      v4 === true ? 'MapPublicIpOnLaunch' : '',
      v6 === true ? 'AssignIpv6AddressOnCreation' : '',
    ].filter(Boolean);
    if (on.length > 0)
      return fail(`${on.join(' and ')} enabled: instances get public addresses automatically`);
    if (isUnknown(v4)) return cannotVerify(`MapPublicIpOnLaunch is ${v4.$unknown}`);
    if (isUnknown(v6)) return cannotVerify(`AssignIpv6AddressOnCreation is ${v6.$unknown}`);
    return pass;
  },
});
