import type { ResourceRef, Val } from '../values.js';

/** A flow log attached to a VPC (joined from `AWS::EC2::FlowLog` / `aws_flow_log`). */
export interface FlowLogFacts {
  /** `cloud-watch-logs` (the AWS default), `s3` or `kinesis-data-firehose`. */
  readonly destinationType: Val<string>;
  /** `ALL`, `ACCEPT` or `REJECT`. */
  readonly trafficType: Val<string>;
  readonly destination: Val<ResourceRef | string> | undefined;
}

export interface VpcFacts {
  readonly cidrBlock: Val<string> | undefined;
  readonly flowLogs: readonly FlowLogFacts[];
  /**
   * The default security group is stripped of its rules: CDK emits `Custom::VpcRestrictDefaultSG` pointing at the
   * VPC's `DefaultSecurityGroup` (`restrictDefaultSecurityGroup`, on by default since CDK 2.78); Terraform uses
   * an `aws_default_security_group` with no rules.
   */
  readonly defaultSecurityGroupRestricted: boolean;
}

export interface SubnetFacts {
  readonly vpc: Val<ResourceRef | string> | undefined;
  /** `MapPublicIpOnLaunch` (AWS default false). */
  readonly mapPublicIpOnLaunch: Val<boolean>;
  /** `AssignIpv6AddressOnCreation` (AWS default false). */
  readonly assignIpv6AddressOnCreation: Val<boolean>;
  /** Declared tier: CDK's `aws-cdk:subnet-type` tag (`Public`, `Private`, `Isolated`), when present. */
  readonly tier: Val<string> | undefined;
}

export interface RouteFacts {
  /** Native id of the route (a separate `AWS::EC2::Route` or an inline route), for messages. */
  readonly name: string;
  readonly destinationIpv4: Val<string> | undefined;
  readonly destinationIpv6: Val<string> | undefined;
  /** What the route targets: `internet-gateway`, `egress-only-internet-gateway`, `nat-gateway`, `other`. */
  readonly target: Val<'internet-gateway' | 'egress-only-internet-gateway' | 'nat-gateway' | 'other'>;
}

export interface RouteTableFacts {
  readonly vpc: Val<ResourceRef | string> | undefined;
  readonly routes: readonly RouteFacts[];
  /** Subnets associated with the table (`AWS::EC2::SubnetRouteTableAssociation`). */
  readonly subnets: readonly Val<ResourceRef | string>[];
}

/** Where an ingress/egress rule lets traffic come from (or go to). */
export type RulePeer =
  | { readonly type: 'cidrIpv4'; readonly value: Val<string> }
  | { readonly type: 'cidrIpv6'; readonly value: Val<string> }
  | { readonly type: 'securityGroup'; readonly value: Val<ResourceRef | string> }
  | { readonly type: 'prefixList'; readonly value: Val<ResourceRef | string> };

export interface SecurityGroupRuleFacts {
  /** Inline rule (`inline #n`) or the native id of the separate ingress/egress resource. */
  readonly origin: string;
  /** `tcp`, `udp`, `icmp`, `icmpv6`, `-1` (all protocols) or another protocol number as text. */
  readonly protocol: Val<string>;
  /** Port range; `-1` (or absent for all protocols) means every port. */
  readonly fromPort: Val<number> | undefined;
  readonly toPort: Val<number> | undefined;
  readonly peer: Val<RulePeer>;
}

export interface SecurityGroupFacts {
  readonly vpc: Val<ResourceRef | string> | undefined;
  readonly description: Val<string> | undefined;
  readonly ingress: readonly SecurityGroupRuleFacts[];
  readonly egress: readonly SecurityGroupRuleFacts[];
  /** Model ids of the load balancers (ELBv2 or classic) this group is attached to. */
  readonly loadBalancers: readonly string[];
}

declare module '../resource.js' {
  interface KindFacts {
    Vpc: VpcFacts;
    Subnet: SubnetFacts;
    RouteTable: RouteTableFacts;
    SecurityGroup: SecurityGroupFacts;
  }
}
