import type { AnyRule } from '../rule.js';
import { ec2SecurityGroupIngressFromGroups } from './security-group-ingress-from-groups.js';
import { ec2SecurityGroupNoPublicDatabasePorts } from './security-group-no-public-database-ports.js';
import { ec2SecurityGroupNoPublicSshRdp } from './security-group-no-public-ssh-rdp.js';
import { ec2SecurityGroupPublicIngressOnlyLbHttps } from './security-group-public-ingress-only-lb-https.js';
import { ec2SecurityGroupRestrictedCommonPorts } from './security-group-restricted-common-ports.js';
import { vpcDefaultSecurityGroupClosed } from './vpc-default-security-group-closed.js';
import { vpcFlowLogsAllTrafficCloudwatchAndS3 } from './vpc-flow-logs-all-traffic-cloudwatch-and-s3.js';
import { vpcFlowLogsEnabled } from './vpc-flow-logs-enabled.js';
import { vpcNoUnrestrictedRouteToIgw } from './vpc-no-unrestricted-route-to-igw.js';
import { vpcSubnetNoAutoPublicIp } from './vpc-subnet-no-auto-public-ip.js';

export const vpcRules: readonly AnyRule[] = [
  vpcDefaultSecurityGroupClosed,
  vpcFlowLogsEnabled,
  vpcFlowLogsAllTrafficCloudwatchAndS3,
  vpcSubnetNoAutoPublicIp,
  vpcNoUnrestrictedRouteToIgw,
  ec2SecurityGroupNoPublicSshRdp,
  ec2SecurityGroupRestrictedCommonPorts,
  ec2SecurityGroupNoPublicDatabasePorts,
  ec2SecurityGroupPublicIngressOnlyLbHttps,
  ec2SecurityGroupIngressFromGroups,
];
