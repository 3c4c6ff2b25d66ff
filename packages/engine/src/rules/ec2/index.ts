import type { AnyRule } from '../rule.js';
import { autoscalingGroupElbHealthCheck } from './autoscaling-group-elb-health-check.js';
import { autoscalingLaunchConfigNoPublicIp } from './autoscaling-launch-config-no-public-ip.js';
import { ec2EbsBlockDeviceEncrypted } from './ebs-block-device-encrypted.js';
import { ec2Imdsv2Required } from './imdsv2-required.js';
import { ec2InstanceDetailedMonitoring } from './instance-detailed-monitoring.js';
import { ec2InstanceEbsOptimized } from './instance-ebs-optimized.js';
import { ec2InstanceInVpc } from './instance-in-vpc.js';
import { ec2InstanceNoPublicIp } from './instance-no-public-ip.js';
import { ec2InstanceProfileAttached } from './instance-profile-attached.js';

export const ec2Rules: readonly AnyRule[] = [
  ec2Imdsv2Required,
  ec2InstanceNoPublicIp,
  ec2EbsBlockDeviceEncrypted,
  ec2InstanceInVpc,
  ec2InstanceProfileAttached,
  ec2InstanceDetailedMonitoring,
  ec2InstanceEbsOptimized,
  autoscalingGroupElbHealthCheck,
  autoscalingLaunchConfigNoPublicIp,
];
