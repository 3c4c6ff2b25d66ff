import type { ListenerActionFacts, ListenerFacts, LoadBalancerFacts } from '../../../model/kinds/elb.js';
import { isUnknown, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, num, refOrString, str } from '../../read.js';
import {
  block,
  type TfMapContext,
  type TfMapperTable,
  type TfResourceView,
  tfFolded,
  tfMapping,
} from '../mapper.js';
import { countOf, declared, declaredBlock, refList } from './vpc.js';

function upper(value: Val<string>): Val<string> {
  return isUnknown(value) ? value : value.toUpperCase();
}

function actionsOf(value: unknown): Val<readonly ListenerActionFacts[]> {
  const items = list(value);
  if (isUnknown(items)) return items;
  return items.map((action) => ({
    type: str(at(action, 'type'), ''),
    // Absent: the provider's default `#{protocol}` (keep the original protocol).
    redirectProtocol: str(declared(at(block(at(action, 'redirect')), 'protocol')), undefined),
  }));
}

/**
 * `aws_lb_listener` / `aws_alb_listener`. `protocol` defaults to HTTP on an ALB; `ssl_policy` left unset is
 * computed by AWS, i.e. the ELB API default (ELBSecurityPolicy-2016-08, data/elb-tls-policies.yaml) — no provider
 * version sets a default of its own (v5 schema: Optional + Computed), so an unset policy maps to `undefined`.
 */
function v2Listener(
  listener: TfResourceView,
  variant: LoadBalancerFacts['variant'],
  context: TfMapContext,
): ListenerFacts {
  const v = listener.values;
  const own = refOrString(declared(v.certificate_arn));
  const extra = [
    ...context.referrers('aws_lb_listener_certificate', 'listener_arn', listener.modelId),
    ...context.referrers('aws_alb_listener_certificate', 'listener_arn', listener.modelId),
  ].map((certificate) => refOrString(certificate.values.certificate_arn) ?? unknown('empty certificate'));
  return {
    name: listener.address,
    port: num(declared(v.port), undefined),
    protocol: upper(str(declared(v.protocol), variant === 'application' ? 'HTTP' : '')),
    instanceProtocol: undefined,
    sslPolicy: str(declared(v.ssl_policy), undefined),
    certificates: [...(own === undefined ? [] : [own]), ...extra],
    defaultActions: actionsOf(v.default_action),
  };
}

const loadBalancerV2 = tfMapping('LoadBalancer', (view, context): LoadBalancerFacts => {
  const v = view.values;
  const type = str(declared(v.load_balancer_type), 'application');
  const variant: LoadBalancerFacts['variant'] = isUnknown(type)
    ? type
    : type === 'network' || type === 'gateway'
      ? type
      : 'application';
  const subnets = countOf(declared(v.subnets));
  const mappings = countOf(declared(v.subnet_mapping));
  const internal = bool(declared(v.internal), false);
  // `access_logs.enabled` defaults to false, even when a bucket is given (provider documentation).
  const logs = declaredBlock(v.access_logs);
  const listeners = [
    ...context.referrers('aws_lb_listener', 'load_balancer_arn'),
    ...context.referrers('aws_alb_listener', 'load_balancer_arn'),
  ];
  return {
    variant,
    scheme: isUnknown(internal) ? internal : internal ? 'internal' : 'internet-facing',
    securityGroups: refList(declared(v.security_groups)),
    zoneCount: isUnknown(subnets) ? subnets : isUnknown(mappings) ? mappings : subnets + mappings,
    listeners: listeners.map((listener) => v2Listener(listener, variant, context)),
    accessLogging: logs === undefined ? false : bool(at(logs, 'enabled'), false),
    accessLogBucket: logs === undefined ? undefined : refOrString(at(logs, 'bucket')),
    deletionProtection: bool(declared(v.enable_deletion_protection), false),
    dropInvalidHeaders: bool(declared(v.drop_invalid_header_fields), false),
    crossZone: variant === 'application' ? true : bool(declared(v.enable_cross_zone_load_balancing), false),
    webAcls: context
      .referrers('aws_wafv2_web_acl_association', 'resource_arn')
      .map(
        (association) => refOrString(association.values.web_acl_arn) ?? unknown('association without ACL'),
      ),
  };
});

/**
 * Classic ELB SSL negotiation: an `aws_load_balancer_listener_policy` for the listener's port naming an
 * `aws_load_balancer_policy` of type SSLNegotiationPolicyType, read as CloudFormation's `Policies` are.
 */
function classicSslPolicy(port: Val<number> | undefined, context: TfMapContext): Val<string> | undefined {
  const listenerPolicies = context
    .referrers('aws_load_balancer_listener_policy', 'load_balancer_name')
    .filter((policy) => {
      const policyPort = num(policy.values.load_balancer_port, undefined);
      return isUnknown(policyPort) || isUnknown(port) || policyPort === port;
    });
  const policies = context.referrers('aws_load_balancer_policy', 'load_balancer_name');
  for (const listenerPolicy of listenerPolicies) {
    const names = list(listenerPolicy.values.policy_names);
    if (isUnknown(names)) return names;
    for (const name of names) {
      const policy =
        context.resolve(name) ?? policies.find((candidate) => candidate.values.policy_name === name);
      if (!policy) {
        if (typeof name === 'string' && /^ELBSecurityPolicy-/.test(name)) return name;
        return unknown('the listener policy is not in this input');
      }
      if (policy.values.policy_type_name !== 'SSLNegotiationPolicyType') continue;
      const attributes = list(policy.values.policy_attribute);
      if (isUnknown(attributes)) return attributes;
      const reference = attributes.find((attribute) => at(attribute, 'name') === 'Reference-Security-Policy');
      if (reference) return str(at(reference, 'value'), '');
      const enabled = (protocol: string) =>
        attributes.some(
          (attribute) => at(attribute, 'name') === protocol && String(at(attribute, 'value')) === 'true',
        );
      if (enabled('Protocol-SSLv3') || enabled('Protocol-TLSv1')) return 'custom:TLSv1.0';
      if (enabled('Protocol-TLSv1.1')) return 'custom:TLSv1.1';
      return 'custom:TLSv1.2';
    }
  }
  return undefined;
}

/** `aws_elb`: inline `listener` blocks; the provider defaults cross-zone balancing and access_logs.enabled to true. */
const loadBalancerClassic = tfMapping('LoadBalancer', (view, context): LoadBalancerFacts => {
  const v = view.values;
  const listenerList = list(v.listener);
  const subnets = countOf(declared(v.subnets));
  const zones = countOf(declared(v.availability_zones));
  const internal = bool(declared(v.internal), false);
  const logs = declaredBlock(v.access_logs);
  return {
    variant: 'classic',
    scheme: isUnknown(internal) ? internal : internal ? 'internal' : 'internet-facing',
    securityGroups: refList(declared(v.security_groups)),
    zoneCount: isUnknown(subnets) ? subnets : subnets > 0 ? subnets : zones,
    listeners: isUnknown(listenerList)
      ? listenerList
      : listenerList.map((listener): ListenerFacts => {
          const port = num(at(listener, 'lb_port'), undefined);
          const certificate = refOrString(declared(at(listener, 'ssl_certificate_id')));
          return {
            name: `${view.address} listener ${isUnknown(port) ? '?' : String(port)}`,
            port,
            protocol: upper(str(at(listener, 'lb_protocol'), '')),
            instanceProtocol: upper(str(at(listener, 'instance_protocol'), '')),
            sslPolicy: classicSslPolicy(port, context),
            certificates: certificate === undefined || certificate === '' ? [] : [certificate],
            defaultActions: [],
          };
        }),
    accessLogging: logs === undefined ? false : bool(at(logs, 'enabled'), true),
    accessLogBucket: logs === undefined ? undefined : refOrString(at(logs, 'bucket')),
    deletionProtection: false,
    dropInvalidHeaders: false,
    crossZone: bool(declared(v.cross_zone_load_balancing), true),
    webAcls: [],
  };
});

export const elbTfMappers: TfMapperTable = {
  aws_lb: loadBalancerV2,
  aws_alb: loadBalancerV2,
  aws_lb_listener: tfFolded('load_balancer_arn'),
  aws_alb_listener: tfFolded('load_balancer_arn'),
  aws_lb_listener_certificate: tfFolded('listener_arn'),
  aws_alb_listener_certificate: tfFolded('listener_arn'),
  aws_elb: loadBalancerClassic,
  aws_load_balancer_listener_policy: tfFolded('load_balancer_name'),
  aws_load_balancer_policy: tfFolded('load_balancer_name'),
  aws_wafv2_web_acl_association: tfFolded('resource_arn'),
};
