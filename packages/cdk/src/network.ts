import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { HipaaLogGroup } from './log-group.js';
import { acknowledgeNag } from './nag-acknowledgements.js';
import { type HipaaOverride, requireHipaa } from './override.js';
import { acknowledgeSafeguard } from './safeguard-acknowledgements.js';

/** Subnet group names of the three tiers. */
export const SubnetTier = {
  /** Load balancers and NAT gateways only; no automatic public IPs. */
  PUBLIC: 'public',
  /** Containers and functions; egress through NAT and VPC endpoints. */
  APPLICATION: 'application',
  /** Databases; no route out of the VPC. */
  DATA: 'data',
} as const;

/** Interface endpoints created by default (R-INF-1): AWS API traffic stays inside the VPC. */
export const DEFAULT_INTERFACE_ENDPOINTS: readonly ec2.InterfaceVpcEndpointAwsService[] = [
  ec2.InterfaceVpcEndpointAwsService.KMS,
  ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
  ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
  ec2.InterfaceVpcEndpointAwsService.ECR,
  ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
  ec2.InterfaceVpcEndpointAwsService.SQS,
  ec2.InterfaceVpcEndpointAwsService.STS,
  ec2.InterfaceVpcEndpointAwsService.SSM,
];

/** Props of {@link HipaaNetwork}. */
export interface HipaaNetworkProps {
  /** Encrypts the flow-log log group (the environment's log key). */
  readonly logKey: kms.IKey;
  /** Receives the second copy of the flow logs (the log archive bucket). */
  readonly flowLogBucket: s3.IBucket;
  /**
   * IPv4 range of the VPC.
   * @default '10.0.0.0/16'
   */
  readonly cidr?: string;
  /**
   * Availability zones. Given explicitly so synth needs no AWS lookup; at least three are required.
   * @default - `<region>a`, `<region>b`, `<region>c` of the stack's region
   */
  readonly availabilityZones?: string[];
  /**
   * NAT gateways (one per AZ keeps each AZ's egress independent).
   * @default 3
   */
  readonly natGateways?: number;
  /**
   * Extra interface endpoints beyond {@link DEFAULT_INTERFACE_ENDPOINTS}.
   * @default - none
   */
  readonly additionalInterfaceEndpoints?: ec2.InterfaceVpcEndpointAwsService[];
  /** Reasoned deviations. */
  readonly overrides?: {
    /** Accept fewer than three availability zones. */
    readonly availabilityZones?: HipaaOverride;
  };
}

/**
 * A VPC over three AZs with public (load balancer/NAT), application and data tiers (R-INF-1); gateway endpoints
 * for S3 and DynamoDB and interface endpoints for the AWS APIs the workloads use; flow logs (all traffic) to an
 * encrypted log group and to S3; the default security group stripped of all rules.
 */
export class HipaaNetwork extends Construct {
  readonly vpc: ec2.Vpc;
  /** Security group of the interface endpoints; admit workloads with {@link allowEndpointAccessFrom}. */
  readonly endpointSecurityGroup: ec2.SecurityGroup;
  readonly flowLogGroup: HipaaLogGroup;

  constructor(scope: Construct, id: string, props: HipaaNetworkProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const availabilityZones =
      props.availabilityZones ??
      (Token.isUnresolved(region) ? undefined : ['a', 'b', 'c'].map((suffix) => `${region}${suffix}`));
    requireHipaa(
      this,
      availabilityZones !== undefined && availabilityZones.length >= 3,
      {
        requirement: 'a VPC over three availability zones',
        citation: 'R-INF-1, R-INF-11, 45 CFR 164.308(a)(7)(ii)(C)',
        fix: 'Give the stack an explicit env region, or pass availabilityZones with three zones',
        overrideProp: 'overrides.availabilityZones',
      },
      props.overrides?.availabilityZones,
    );

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(props.cidr ?? '10.0.0.0/16'),
      availabilityZones,
      natGateways: props.natGateways ?? 3,
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: [
        {
          name: SubnetTier.PUBLIC,
          subnetType: ec2.SubnetType.PUBLIC,
          cidrMask: 24,
          mapPublicIpOnLaunch: false,
        },
        { name: SubnetTier.APPLICATION, subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        { name: SubnetTier.DATA, subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      gatewayEndpoints: {
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
        DynamoDB: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
      },
    });

    for (const subnet of this.vpc.publicSubnets) acknowledgeNag(subnet, 'publicSubnetRouteToInternet');

    this.flowLogGroup = new HipaaLogGroup(this, 'FlowLogGroup', { encryptionKey: props.logKey });
    this.vpc.addFlowLog('FlowLogToCloudWatch', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(this.flowLogGroup.logGroup),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
    this.vpc.addFlowLog('FlowLogToS3', {
      destination: ec2.FlowLogDestination.toS3(props.flowLogBucket, 'vpc-flow-logs/'),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });

    this.encryptCustomResourceLogs(props.logKey);

    // R-INF-1: endpoints admit workloads by security group, never by CIDR.
    this.endpointSecurityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc: this.vpc,
      description: 'Interface VPC endpoints: HTTPS from workload security groups only',
      allowAllOutbound: false,
    });
    const endpoints = [...DEFAULT_INTERFACE_ENDPOINTS, ...(props.additionalInterfaceEndpoints ?? [])];
    for (const service of endpoints) {
      this.vpc.addInterfaceEndpoint(endpointId(service), {
        service,
        open: false,
        privateDnsEnabled: true,
        securityGroups: [this.endpointSecurityGroup],
        subnets: { subnetGroupName: SubnetTier.APPLICATION },
      });
    }
  }

  /**
   * restrictDefaultSecurityGroup is implemented by a CDK custom-resource Lambda. Its log group would be created
   * at run time unencrypted and kept forever; point it at an encrypted six-year log group instead (R-INF-7).
   * What it cannot change (no VPC, no DLQ, an inline policy: a raw CfnResource of aws-cdk-lib, holding no ePHI)
   * is accepted with the reasons of `safeguard-acknowledgements.ts`.
   */
  private encryptCustomResourceLogs(logKey: kms.IKey): void {
    const provider = Stack.of(this).node.tryFindChild('Custom::VpcRestrictDefaultSGCustomResourceProvider');
    const handler = provider?.node.tryFindChild('Handler');
    const role = provider?.node.tryFindChild('Role');
    if (!(handler instanceof CfnResource) || redirectedHandlers.has(handler)) return;
    redirectedHandlers.add(handler);
    const logGroup = new HipaaLogGroup(this, 'RestrictDefaultSgLogGroup', { encryptionKey: logKey });
    handler.addPropertyOverride('LoggingConfig', { LogGroup: logGroup.logGroup.logGroupName });
    handler.addResourceDependency(logGroup.logGroup.node.defaultChild as CfnResource);
    acknowledgeSafeguard(
      handler,
      'restrictDefaultSgProviderOutsideVpc',
      'restrictDefaultSgProviderConcurrency',
      'restrictDefaultSgProviderDeadLetterQueue',
    );
    if (role instanceof CfnResource) acknowledgeSafeguard(role, 'restrictDefaultSgProviderInlinePolicy');
  }

  /** Admits a workload's security group to the interface endpoints on 443. */
  allowEndpointAccessFrom(workload: ec2.IConnectable): void {
    this.endpointSecurityGroup.connections.allowFrom(
      workload,
      ec2.Port.tcp(443),
      'AWS API calls via endpoints',
    );
  }

  /** Subnets of the application tier. */
  get applicationSubnets(): ec2.SubnetSelection {
    return { subnetGroupName: SubnetTier.APPLICATION };
  }

  /** Subnets of the data tier. */
  get dataSubnets(): ec2.SubnetSelection {
    return { subnetGroupName: SubnetTier.DATA };
  }

  /** Subnets of the public tier (load balancers only). */
  get publicSubnets(): ec2.SubnetSelection {
    return { subnetGroupName: SubnetTier.PUBLIC };
  }
}

/** Custom-resource handlers (one per stack) whose logs were already redirected. */
const redirectedHandlers = new WeakSet<CfnResource>();

function endpointId(service: ec2.InterfaceVpcEndpointAwsService): string {
  const name = service.shortName
    .split(/[^a-zA-Z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return `${name}Endpoint`;
}
