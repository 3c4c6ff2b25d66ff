import type { ResourceRef, Val } from '../values.js';

export interface BlockDeviceFacts {
  readonly deviceName: Val<string>;
  /** EBS `Encrypted` (absent: false — the account's EBS-encryption-by-default setting is not visible in IaC). */
  readonly encrypted: Val<boolean>;
  /** CMK of the volume, when set. */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
}

/** Launch settings shared by instances, launch templates and launch configurations. */
interface LaunchFacts {
  /** IMDS `HttpTokens`: `required` (IMDSv2 only) or `optional` (the default). */
  readonly httpTokens: Val<string>;
  readonly blockDevices: Val<readonly BlockDeviceFacts[]>;
}

export interface InstanceFacts extends LaunchFacts {
  /** `m1.small` when absent (the AWS default). */
  readonly instanceType: Val<string>;
  readonly ebsOptimized: Val<boolean>;
  /** Detailed (1-minute) monitoring (default false). */
  readonly detailedMonitoring: Val<boolean>;
  /** A network interface with `AssociatePublicIpAddress: true`. */
  /** A network interface's `AssociatePublicIpAddress`; `undefined` when absent (then the subnet's setting decides). */
  readonly associatePublicIp: Val<boolean> | undefined;
  readonly instanceProfile: Val<ResourceRef | string> | undefined;
  /** Subnet (`SubnetId` or a network interface's), i.e. launched in a VPC. */
  readonly subnet: Val<ResourceRef | string> | undefined;
}

export interface LaunchTemplateFacts extends LaunchFacts {
  readonly associatePublicIp: Val<boolean> | undefined;
  readonly detailedMonitoring: Val<boolean> | undefined;
}

export interface LaunchConfigurationFacts extends LaunchFacts {
  /** `AssociatePublicIpAddress`; `undefined` when absent (then the subnet's setting decides). */
  readonly associatePublicIp: Val<boolean> | undefined;
  /** `InstanceMonitoring` (default true: detailed monitoring). */
  readonly detailedMonitoring: Val<boolean>;
}

export interface AutoScalingGroupFacts {
  /** `EC2` (default) or `ELB`. */
  readonly healthCheckType: Val<string>;
  /** Target groups or classic load balancers it registers with. */
  readonly loadBalanced: Val<boolean>;
  /** IMDS `HttpTokens` of its launch template or configuration (unknown when that is not in the input). */
  readonly httpTokens: Val<string>;
}

declare module '../resource.js' {
  interface KindFacts {
    Instance: InstanceFacts;
    LaunchTemplate: LaunchTemplateFacts;
    LaunchConfiguration: LaunchConfigurationFacts;
    AutoScalingGroup: AutoScalingGroupFacts;
  }
}
