import type {
  FlowLogFacts,
  RouteFacts,
  RulePeer,
  SecurityGroupRuleFacts,
  SubnetFacts,
} from '../../../model/kinds/vpc.js';
import { isRef, isUnknown, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, num, refOrString, str } from '../../read.js';
import {
  type CfnMapContext,
  type CfnMapperTable,
  type CfnResourceView,
  cfnMapping,
  folded,
} from '../mapper.js';

const vpc = cfnMapping('Vpc', (view, context) => {
  const flowLogs: FlowLogFacts[] = context
    .referrers('AWS::EC2::FlowLog', 'ResourceId')
    .filter(
      (flowLog) => flowLog.properties.ResourceType === 'VPC' || isUnknown(flowLog.properties.ResourceType),
    )
    .map((flowLog) => ({
      destinationType: str(flowLog.properties.LogDestinationType, 'cloud-watch-logs'),
      trafficType: str(flowLog.properties.TrafficType, 'ALL'),
      destination:
        refOrString(flowLog.properties.LogDestination) ?? refOrString(flowLog.properties.LogGroupName),
    }));
  // CDK's restrictDefaultSecurityGroup custom resource receives `DefaultSecurityGroupId: !GetAtt Vpc.DefaultSecurityGroup`.
  const restrictors = context.referrers('Custom::VpcRestrictDefaultSG', 'DefaultSecurityGroupId');
  return {
    cidrBlock: str(view.properties.CidrBlock, undefined),
    flowLogs,
    defaultSecurityGroupRestricted: restrictors.length > 0,
  };
});

const subnet = cfnMapping(
  'Subnet',
  (view): SubnetFacts => ({
    vpc: refOrString(view.properties.VpcId),
    mapPublicIpOnLaunch: bool(view.properties.MapPublicIpOnLaunch, false),
    assignIpv6AddressOnCreation: bool(view.properties.AssignIpv6AddressOnCreation, false),
    tier: subnetTier(view.properties.Tags),
  }),
);

/**
 * Declared tier: CDK's `aws-cdk:subnet-type` tag, or the `Tier` tag hand-written templates commonly carry
 * (`public`, `private`, `isolated`/`data`), normalised to CDK's words as the Terraform mapper does.
 */
function subnetTier(tags: unknown): Val<string> | undefined {
  const raw = tagValue(tags, 'aws-cdk:subnet-type') ?? tagValue(tags, 'Tier') ?? tagValue(tags, 'tier');
  if (raw === undefined || isUnknown(raw)) return raw;
  const words: Record<string, string> = {
    public: 'Public',
    private: 'Private',
    isolated: 'Isolated',
    data: 'Isolated',
  };
  return words[raw.toLowerCase()] ?? raw;
}

function tagValue(tags: unknown, key: string): Val<string> | undefined {
  const items = list(tags);
  if (isUnknown(items)) return items;
  for (const tag of items) if (at(tag, 'Key') === key) return str(at(tag, 'Value'), '');
  return undefined;
}

function routeTarget(route: CfnResourceView, context: CfnMapContext): RouteFacts['target'] {
  const p = route.properties;
  if (p.EgressOnlyInternetGatewayId !== undefined) return 'egress-only-internet-gateway';
  if (p.NatGatewayId !== undefined) return 'nat-gateway';
  const gateway = p.GatewayId;
  if (gateway === undefined) return 'other';
  if (isUnknown(gateway)) return gateway;
  if (typeof gateway === 'string')
    return gateway.startsWith('igw-') ? 'internet-gateway' : gateway.startsWith('vgw-') ? 'other' : 'other';
  const target = context.resolve(gateway);
  if (!target) return unknown('gateway of the route is not in this input');
  return target.type === 'AWS::EC2::InternetGateway' ? 'internet-gateway' : 'other';
}

const routeTable = cfnMapping('RouteTable', (view, context) => ({
  vpc: refOrString(view.properties.VpcId),
  routes: context.referrers('AWS::EC2::Route', 'RouteTableId').map(
    (route): RouteFacts => ({
      name: route.logicalId,
      destinationIpv4: str(route.properties.DestinationCidrBlock, undefined),
      destinationIpv6: str(route.properties.DestinationIpv6CidrBlock, undefined),
      target: routeTarget(route, context),
    }),
  ),
  subnets: context
    .referrers('AWS::EC2::SubnetRouteTableAssociation', 'RouteTableId')
    .map(
      (association) =>
        refOrString(association.properties.SubnetId) ?? unknown('association without a subnet'),
    ),
}));

/** IP protocol names and numbers normalised: `6` → `tcp`, `17` → `udp`, `all`/`-1` → `-1`. */
function protocolOf(value: unknown): Val<string> {
  const text = str(value, '-1');
  if (isUnknown(text)) return text;
  const lower = text.toLowerCase();
  const byNumber: Record<string, string> = {
    '6': 'tcp',
    '17': 'udp',
    '1': 'icmp',
    '58': 'icmpv6',
    all: '-1',
  };
  return byNumber[lower] ?? lower;
}

function peerOf(rule: Readonly<Record<string, unknown>>, direction: 'ingress' | 'egress'): Val<RulePeer> {
  const v4 = rule.CidrIp;
  const v6 = rule.CidrIpv6;
  const group = direction === 'ingress' ? rule.SourceSecurityGroupId : rule.DestinationSecurityGroupId;
  const groupName = rule.SourceSecurityGroupName;
  const prefixList = direction === 'ingress' ? rule.SourcePrefixListId : rule.DestinationPrefixListId;
  if (v4 !== undefined) return { type: 'cidrIpv4', value: str(v4, '') };
  if (v6 !== undefined) return { type: 'cidrIpv6', value: str(v6, '') };
  if (group !== undefined) return { type: 'securityGroup', value: refOrString(group) ?? '' };
  if (groupName !== undefined) return { type: 'securityGroup', value: refOrString(groupName) ?? '' };
  if (prefixList !== undefined) return { type: 'prefixList', value: refOrString(prefixList) ?? '' };
  return unknown(`${direction} rule names no CIDR, security group or prefix list`);
}

function ruleOf(raw: unknown, origin: string, direction: 'ingress' | 'egress'): SecurityGroupRuleFacts {
  if (isUnknown(raw) || typeof raw !== 'object' || raw === null || isRef(raw)) {
    const reason = isUnknown(raw) ? raw : unknown(`${direction} rule is not an object`);
    return { origin, protocol: reason, fromPort: reason, toPort: reason, peer: reason };
  }
  const rule = raw as Readonly<Record<string, unknown>>;
  return {
    origin,
    protocol: protocolOf(rule.IpProtocol),
    fromPort: num(rule.FromPort, undefined),
    toPort: num(rule.ToPort, undefined),
    peer: peerOf(rule, direction),
  };
}

function inlineRules(value: unknown, direction: 'ingress' | 'egress'): SecurityGroupRuleFacts[] {
  const items = list(value);
  if (isUnknown(items)) return [ruleOf(items, `inline ${direction} rules`, direction)];
  return items.map((item, index) => ruleOf(item, `inline ${direction} #${index + 1}`, direction));
}

const securityGroup = cfnMapping('SecurityGroup', (view, context) => {
  const ingress = [
    ...inlineRules(view.properties.SecurityGroupIngress, 'ingress'),
    ...context
      .referrers('AWS::EC2::SecurityGroupIngress', 'GroupId')
      .map((rule) => ruleOf(rule.properties, rule.logicalId, 'ingress')),
  ];
  const egress = [
    ...inlineRules(view.properties.SecurityGroupEgress, 'egress'),
    ...context
      .referrers('AWS::EC2::SecurityGroupEgress', 'GroupId')
      .map((rule) => ruleOf(rule.properties, rule.logicalId, 'egress')),
  ];
  // A load-balancer group: listed in an ELBv2 or classic load balancer's SecurityGroups.
  const loadBalancers = [
    ...context.referrers('AWS::ElasticLoadBalancingV2::LoadBalancer', 'SecurityGroups'),
    ...context.referrers('AWS::ElasticLoadBalancing::LoadBalancer', 'SecurityGroups'),
  ].map((lb) => lb.modelId);
  return {
    vpc: refOrString(view.properties.VpcId),
    description: str(view.properties.GroupDescription, undefined),
    ingress,
    egress,
    loadBalancers,
  };
});

export const vpcCfnMappers: CfnMapperTable = {
  'AWS::EC2::VPC': vpc,
  'AWS::EC2::FlowLog': folded('ResourceId'),
  'Custom::VpcRestrictDefaultSG': folded('DefaultSecurityGroupId'),
  'AWS::EC2::Subnet': subnet,
  'AWS::EC2::RouteTable': routeTable,
  'AWS::EC2::Route': folded('RouteTableId'),
  'AWS::EC2::SubnetRouteTableAssociation': folded('RouteTableId'),
  'AWS::EC2::SecurityGroup': securityGroup,
  'AWS::EC2::SecurityGroupIngress': folded('GroupId'),
  'AWS::EC2::SecurityGroupEgress': folded('GroupId'),
};
