import type {
  FlowLogFacts,
  RouteFacts,
  RulePeer,
  SecurityGroupFacts,
  SecurityGroupRuleFacts,
  SubnetFacts,
} from '../../../model/kinds/vpc.js';
import { isRef, isUnknown, type ResourceRef, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, num, record, refOrString, str } from '../../read.js';
import {
  block,
  type TfMapContext,
  type TfMapperTable,
  type TfResourceView,
  tfFolded,
  tfMapping,
} from '../mapper.js';

/**
 * An Optional + Computed attribute left out of the configuration shows in a plan as a bare "known after apply"
 * (no reference behind it): the provider leaves it to AWS, so the AWS default applies exactly as if the attribute
 * were absent. An unknown that carries references, or any other unknown (an unset variable), stays unknown.
 */
export function declared(value: unknown): unknown {
  if (value === null) return undefined; // plans write absent arguments as null
  return isUnknown(value) && value.$unknown === 'known after apply' && !value.refs?.length
    ? undefined
    : value;
}

/** A nested block: `undefined` when absent, empty, or computed by the provider (see {@link declared}). */
export function declaredBlock(value: unknown): unknown {
  return block(declared(value));
}

/** Terraform booleans, including the `"true"`/`"false"`/`""` strings of launch-template arguments. */
export function tfBool(value: unknown, absent: boolean): Val<boolean> {
  const v = declared(value);
  return bool(v === '' ? undefined : v, absent);
}

/** Every item of a list attribute as a reference or literal (`security_groups`, `subnet_ids`). */
export function refList(value: unknown): Val<readonly Val<ResourceRef | string>[]> {
  const items = list(value);
  if (isUnknown(items)) return items;
  return items.map((item) => refOrString(item) ?? unknown('empty entry'));
}

/** Number of entries of a list attribute (unknown if the list is). */
export function countOf(value: unknown): Val<number> {
  const items = list(value);
  return isUnknown(items) ? items : items.length;
}

const vpc = tfMapping('Vpc', (view, context) => {
  const flowLogs: FlowLogFacts[] = context.referrers('aws_flow_log', 'vpc_id').map((flowLog) => ({
    destinationType: str(declared(flowLog.values.log_destination_type), 'cloud-watch-logs'),
    trafficType: str(flowLog.values.traffic_type, 'ALL'),
    destination: refOrString(flowLog.values.log_destination) ?? refOrString(flowLog.values.log_group_name),
  }));
  // An aws_default_security_group with no ingress/egress block strips the default group of every rule.
  const closed = context.referrers('aws_default_security_group', 'vpc_id').some((group) => {
    const ingress = list(declared(group.values.ingress));
    const egress = list(declared(group.values.egress));
    return !isUnknown(ingress) && !isUnknown(egress) && ingress.length === 0 && egress.length === 0;
  });
  return {
    cidrBlock: str(declared(view.values.cidr_block), undefined),
    flowLogs,
    defaultSecurityGroupRestricted: closed,
  };
});

/**
 * Declared tier: CDK's `aws-cdk:subnet-type` tag as in CloudFormation, or the `Tier` tag Terraform estates commonly
 * carry (`public`, `private`, `isolated`/`data`), normalised to CDK's words.
 */
function tierOf(view: TfResourceView): Val<string> | undefined {
  const tags = record(view.values.tags_all ?? view.values.tags);
  if (isUnknown(tags)) return tags;
  const raw = tags['aws-cdk:subnet-type'] ?? tags.Tier ?? tags.tier;
  if (raw === undefined) return undefined;
  const text = str(raw, '');
  if (isUnknown(text)) return text;
  const words: Record<string, string> = {
    public: 'Public',
    private: 'Private',
    isolated: 'Isolated',
    data: 'Isolated',
  };
  return words[text.toLowerCase()] ?? text;
}

const subnet = tfMapping(
  'Subnet',
  (view): SubnetFacts => ({
    vpc: refOrString(view.values.vpc_id),
    mapPublicIpOnLaunch: tfBool(view.values.map_public_ip_on_launch, false),
    assignIpv6AddressOnCreation: tfBool(view.values.assign_ipv6_address_on_creation, false),
    tier: tierOf(view),
  }),
);

function routeTarget(route: unknown, context: TfMapContext): RouteFacts['target'] {
  const present = (key: string) => {
    const value = declared(at(route, key));
    return value !== undefined && value !== '';
  };
  if (present('egress_only_gateway_id')) return 'egress-only-internet-gateway';
  if (present('nat_gateway_id')) return 'nat-gateway';
  const gateway = declared(at(route, 'gateway_id'));
  if (gateway === undefined || gateway === '') return 'other';
  if (typeof gateway === 'string') return gateway.startsWith('igw-') ? 'internet-gateway' : 'other';
  const target = context.resolve(gateway);
  if (!target) return isUnknown(gateway) ? gateway : unknown('gateway of the route is not in this input');
  return target.type === 'aws_internet_gateway' ? 'internet-gateway' : 'other';
}

function routeOf(
  name: string,
  route: unknown,
  v4Key: string,
  v6Key: string,
  context: TfMapContext,
): RouteFacts {
  const v4 = declared(at(route, v4Key));
  const v6 = declared(at(route, v6Key));
  return {
    name,
    destinationIpv4: v4 === '' ? undefined : str(v4, undefined),
    destinationIpv6: v6 === '' ? undefined : str(v6, undefined),
    target: routeTarget(route, context),
  };
}

/** `aws_route_table` / `aws_default_route_table`: inline `route` blocks, `aws_route` and subnet associations. */
const routeTable = tfMapping('RouteTable', (view, context) => {
  const inline = list(declared(view.values.route));
  const routes: RouteFacts[] = isUnknown(inline)
    ? [{ name: 'inline routes', destinationIpv4: inline, destinationIpv6: undefined, target: inline }]
    : inline.map((route, index) =>
        routeOf(`${view.address} route #${index + 1}`, route, 'cidr_block', 'ipv6_cidr_block', context),
      );
  for (const route of context.referrers('aws_route', 'route_table_id'))
    routes.push(
      routeOf(route.address, route.values, 'destination_cidr_block', 'destination_ipv6_cidr_block', context),
    );
  return {
    vpc: refOrString(view.values.vpc_id),
    routes,
    subnets: context
      .referrers('aws_route_table_association', 'route_table_id')
      // An edge association (gateway_id) routes a gateway's traffic, not a subnet's.
      .filter((association) => declared(association.values.subnet_id) !== undefined)
      .map(
        (association) => refOrString(association.values.subnet_id) ?? unknown('association without a subnet'),
      ),
  };
});

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

/** Ports of a rule; protocol `-1` covers every port whatever from/to say (Terraform requires 0 there). */
function portsOf(rule: unknown, protocol: Val<string>): Pick<SecurityGroupRuleFacts, 'fromPort' | 'toPort'> {
  if (protocol === '-1') return { fromPort: undefined, toPort: undefined };
  return { fromPort: num(at(rule, 'from_port'), undefined), toPort: num(at(rule, 'to_port'), undefined) };
}

/** Peers of a classic rule (inline block or `aws_security_group_rule`): one per CIDR, group, prefix list or self. */
function classicPeers(rule: unknown, self: string, direction: 'ingress' | 'egress'): Val<RulePeer>[] {
  const peers: Val<RulePeer>[] = [];
  const each = (key: string, make: (value: unknown) => RulePeer) => {
    const items = list(declared(at(rule, key)));
    if (isUnknown(items)) peers.push(items);
    else for (const item of items) peers.push(make(item));
  };
  each('cidr_blocks', (value) => ({ type: 'cidrIpv4', value: str(value, '') }));
  each('ipv6_cidr_blocks', (value) => ({ type: 'cidrIpv6', value: str(value, '') }));
  each('prefix_list_ids', (value) => ({ type: 'prefixList', value: refOrString(value) ?? '' }));
  each('security_groups', (value) => ({ type: 'securityGroup', value: refOrString(value) ?? '' }));
  const source = declared(at(rule, 'source_security_group_id'));
  if (source !== undefined) peers.push({ type: 'securityGroup', value: refOrString(source) ?? '' });
  const selfFlag = bool(declared(at(rule, 'self')), false);
  if (isUnknown(selfFlag)) peers.push(selfFlag);
  else if (selfFlag) peers.push({ type: 'securityGroup', value: { $ref: self } });
  if (peers.length === 0)
    peers.push(unknown(`${direction} rule names no CIDR, security group or prefix list`));
  return peers;
}

function classicRules(
  rule: unknown,
  origin: string,
  self: string,
  direction: 'ingress' | 'egress',
): SecurityGroupRuleFacts[] {
  if (isUnknown(rule) || typeof rule !== 'object' || rule === null || isRef(rule)) {
    const reason = isUnknown(rule) ? rule : unknown(`${direction} rule is not an object`);
    return [{ origin, protocol: reason, fromPort: reason, toPort: reason, peer: reason }];
  }
  const protocol = protocolOf(at(rule, 'protocol'));
  const ports = portsOf(rule, protocol);
  return classicPeers(rule, self, direction).map((peer) => ({ origin, protocol, ...ports, peer }));
}

function inlineRules(view: TfResourceView, direction: 'ingress' | 'egress'): SecurityGroupRuleFacts[] {
  const items = list(declared(view.values[direction]));
  if (isUnknown(items)) return classicRules(items, `inline ${direction} rules`, view.modelId, direction);
  return items.flatMap((item, index) =>
    classicRules(item, `inline ${direction} #${index + 1}`, view.modelId, direction),
  );
}

/** `aws_vpc_security_group_ingress_rule` / `_egress_rule`: one peer, `ip_protocol` `-1` for everything. */
function vpcRule(rule: TfResourceView): SecurityGroupRuleFacts {
  const v = rule.values;
  const protocol = protocolOf(v.ip_protocol);
  const has = (key: string) => declared(v[key]) !== undefined;
  const peer: Val<RulePeer> = has('cidr_ipv4')
    ? { type: 'cidrIpv4', value: str(v.cidr_ipv4, '') }
    : has('cidr_ipv6')
      ? { type: 'cidrIpv6', value: str(v.cidr_ipv6, '') }
      : has('referenced_security_group_id')
        ? { type: 'securityGroup', value: refOrString(v.referenced_security_group_id) ?? '' }
        : has('prefix_list_id')
          ? { type: 'prefixList', value: refOrString(v.prefix_list_id) ?? '' }
          : unknown('rule names no CIDR, security group or prefix list');
  return { origin: rule.address, protocol, ...portsOf(v, protocol), peer };
}

const securityGroup = tfMapping('SecurityGroup', (view, context): SecurityGroupFacts => {
  const separate = context.referrers('aws_security_group_rule', 'security_group_id');
  const ofType = (type: 'ingress' | 'egress') =>
    separate
      .filter((rule) => rule.values.type === type || isUnknown(rule.values.type))
      .flatMap((rule) => classicRules(rule.values, rule.address, view.modelId, type));
  const ingress = [
    ...inlineRules(view, 'ingress'),
    ...ofType('ingress'),
    ...context.referrers('aws_vpc_security_group_ingress_rule', 'security_group_id').map(vpcRule),
  ];
  const egress = [
    ...inlineRules(view, 'egress'),
    ...ofType('egress'),
    ...context.referrers('aws_vpc_security_group_egress_rule', 'security_group_id').map(vpcRule),
  ];
  // A load-balancer group: listed in an ELBv2 (aws_lb/aws_alb) or classic (aws_elb) load balancer's security_groups.
  const loadBalancers = [
    ...context.referrers('aws_lb', 'security_groups'),
    ...context.referrers('aws_alb', 'security_groups'),
    ...context.referrers('aws_elb', 'security_groups'),
  ].map((lb) => lb.modelId);
  return {
    vpc: refOrString(declared(view.values.vpc_id)),
    // The provider's default description.
    description: str(view.values.description, 'Managed by Terraform'),
    ingress,
    egress,
    loadBalancers,
  };
});

export const vpcTfMappers: TfMapperTable = {
  aws_vpc: vpc,
  aws_flow_log: tfFolded('vpc_id'),
  aws_default_security_group: tfFolded('vpc_id'),
  aws_subnet: subnet,
  aws_route_table: routeTable,
  aws_default_route_table: routeTable,
  aws_route: tfFolded('route_table_id'),
  aws_route_table_association: tfFolded('route_table_id'),
  aws_security_group: securityGroup,
  aws_security_group_rule: tfFolded('security_group_id'),
  aws_vpc_security_group_ingress_rule: tfFolded('security_group_id'),
  aws_vpc_security_group_egress_rule: tfFolded('security_group_id'),
};
