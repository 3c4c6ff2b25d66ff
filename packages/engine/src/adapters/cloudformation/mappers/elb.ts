import type { ListenerActionFacts, ListenerFacts, LoadBalancerFacts } from '../../../model/kinds/elb.js';
import { isUnknown, type ResourceRef, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, num, refOrString, str } from '../../read.js';
import {
  type CfnMapContext,
  type CfnMapperTable,
  type CfnResourceView,
  cfnMapping,
  folded,
} from '../mapper.js';

function upper(value: Val<string>): Val<string> {
  return isUnknown(value) ? value : value.toUpperCase();
}

function refList(value: unknown): Val<readonly Val<ResourceRef | string>[]> {
  const items = list(value);
  if (isUnknown(items)) return items;
  return items.map((item) => refOrString(item) ?? unknown('empty entry'));
}

/** ELBv2 `LoadBalancerAttributes` as key → value (values are strings in the API). */
function attributesOf(value: unknown): Val<ReadonlyMap<string, Val<string>>> {
  const items = list(value);
  if (isUnknown(items)) return items;
  const out = new Map<string, Val<string>>();
  for (const item of items) {
    const key = at(item, 'Key');
    if (isUnknown(key)) return unknown(`a load balancer attribute key is ${key.$unknown}`);
    if (typeof key === 'string') out.set(key, str(at(item, 'Value'), ''));
  }
  return out;
}

function attributeFlag(attributes: Val<ReadonlyMap<string, Val<string>>>, key: string, absent: boolean) {
  if (isUnknown(attributes)) return attributes;
  return bool(attributes.get(key), absent);
}

function actionsOf(value: unknown): Val<readonly ListenerActionFacts[]> {
  const items = list(value);
  if (isUnknown(items)) return items;
  return items.map((action) => ({
    type: str(at(action, 'Type'), ''),
    redirectProtocol: str(at(action, 'RedirectConfig.Protocol'), undefined),
  }));
}

function v2Listener(listener: CfnResourceView, context: CfnMapContext): ListenerFacts {
  const p = listener.properties;
  const certificates = list(p.Certificates);
  const direct = isUnknown(certificates)
    ? certificates
    : certificates.map((c) => refOrString(at(c, 'CertificateArn')) ?? unknown('certificate without an ARN'));
  const extra = context
    .referrers('AWS::ElasticLoadBalancingV2::ListenerCertificate', 'ListenerArn', listener.modelId)
    .flatMap((certificate) => {
      const arns = list(certificate.properties.Certificates);
      return isUnknown(arns)
        ? [arns]
        : arns.map((c) => refOrString(at(c, 'CertificateArn')) ?? unknown('empty'));
    });
  return {
    name: listener.logicalId,
    port: num(p.Port, undefined),
    protocol: upper(str(p.Protocol, '')),
    instanceProtocol: undefined,
    sslPolicy: str(p.SslPolicy, undefined),
    certificates: isUnknown(direct) ? direct : [...direct, ...extra],
    defaultActions: actionsOf(p.DefaultActions),
  };
}

const loadBalancerV2 = cfnMapping('LoadBalancer', (view, context): LoadBalancerFacts => {
  const p = view.properties;
  const type = str(p.Type, 'application');
  const attributes = attributesOf(p.LoadBalancerAttributes);
  const subnets = list(p.Subnets);
  const mappings = list(p.SubnetMappings);
  const zoneCount = isUnknown(subnets)
    ? subnets
    : isUnknown(mappings)
      ? mappings
      : subnets.length + mappings.length;
  const variant: LoadBalancerFacts['variant'] = isUnknown(type)
    ? type
    : type === 'network' || type === 'gateway'
      ? type
      : 'application';
  return {
    variant,
    scheme: str(p.Scheme, 'internet-facing'),
    securityGroups: refList(p.SecurityGroups),
    zoneCount,
    listeners: context
      .referrers('AWS::ElasticLoadBalancingV2::Listener', 'LoadBalancerArn')
      .map((listener) => v2Listener(listener, context)),
    accessLogging: attributeFlag(attributes, 'access_logs.s3.enabled', false),
    accessLogBucket: isUnknown(attributes) ? attributes : attributes.get('access_logs.s3.bucket'),
    deletionProtection: attributeFlag(attributes, 'deletion_protection.enabled', false),
    dropInvalidHeaders: attributeFlag(attributes, 'routing.http.drop_invalid_header_fields.enabled', false),
    crossZone:
      variant === 'application'
        ? true
        : attributeFlag(attributes, 'load_balancing.cross_zone.enabled', false),
    webAcls: context
      .referrers('AWS::WAFv2::WebACLAssociation', 'ResourceArn')
      .map(
        (association) => refOrString(association.properties.WebACLArn) ?? unknown('association without ACL'),
      ),
  };
});

/** Classic ELB: the `Reference-Security-Policy` of the SSL negotiation policy a listener names. */
function classicSslPolicy(policies: unknown, names: unknown): Val<string> | undefined {
  const policyList = list(policies);
  const nameList = list(names);
  if (isUnknown(policyList)) return policyList;
  if (isUnknown(nameList)) return nameList;
  for (const policy of policyList) {
    if (at(policy, 'PolicyType') !== 'SSLNegotiationPolicyType') continue;
    const name = at(policy, 'PolicyName');
    if (!nameList.includes(name as string)) continue;
    const attributes = list(at(policy, 'Attributes'));
    if (isUnknown(attributes)) return attributes;
    const reference = attributes.find((attribute) => at(attribute, 'Name') === 'Reference-Security-Policy');
    // A custom negotiation policy (explicit Protocol-TLSv1 … attributes) is judged by its protocol flags.
    if (reference) return str(at(reference, 'Value'), '');
    const enabled = (protocol: string) =>
      attributes.some(
        (attribute) => at(attribute, 'Name') === protocol && String(at(attribute, 'Value')) === 'true',
      );
    if (enabled('Protocol-SSLv3') || enabled('Protocol-TLSv1')) return 'custom:TLSv1.0';
    if (enabled('Protocol-TLSv1.1')) return 'custom:TLSv1.1';
    return 'custom:TLSv1.2';
  }
  return undefined;
}

const loadBalancerClassic = cfnMapping('LoadBalancer', (view): LoadBalancerFacts => {
  const p = view.properties;
  const listenerList = list(p.Listeners);
  const subnets = list(p.Subnets);
  const zones = list(p.AvailabilityZones);
  const zoneCount = isUnknown(subnets)
    ? subnets
    : subnets.length > 0
      ? subnets.length
      : isUnknown(zones)
        ? zones
        : zones.length;
  const logging = at(p, 'AccessLoggingPolicy');
  return {
    variant: 'classic',
    scheme: str(p.Scheme, 'internet-facing'),
    securityGroups: refList(p.SecurityGroups),
    zoneCount,
    listeners: isUnknown(listenerList)
      ? listenerList
      : listenerList.map((listener): ListenerFacts => {
          const port = num(at(listener, 'LoadBalancerPort'), undefined);
          const certificate = refOrString(at(listener, 'SSLCertificateId'));
          return {
            name: `listener ${isUnknown(port) ? '?' : String(port)}`,
            port,
            protocol: upper(str(at(listener, 'Protocol'), '')),
            instanceProtocol: (() => {
              const value = str(at(listener, 'InstanceProtocol'), undefined);
              return value === undefined ? undefined : upper(value);
            })(),
            sslPolicy: classicSslPolicy(p.Policies, at(listener, 'PolicyNames')),
            certificates: certificate === undefined ? [] : [certificate],
            defaultActions: [],
          };
        }),
    accessLogging: logging === undefined ? false : bool(at(logging, 'Enabled'), false),
    accessLogBucket: logging === undefined ? undefined : refOrString(at(logging, 'S3BucketName')),
    deletionProtection: false,
    dropInvalidHeaders: false,
    crossZone: bool(p.CrossZone, false),
    webAcls: [],
  };
});

export const elbCfnMappers: CfnMapperTable = {
  'AWS::ElasticLoadBalancingV2::LoadBalancer': loadBalancerV2,
  'AWS::ElasticLoadBalancingV2::Listener': folded('LoadBalancerArn'),
  'AWS::ElasticLoadBalancingV2::ListenerCertificate': folded('ListenerArn'),
  'AWS::ElasticLoadBalancing::LoadBalancer': loadBalancerClassic,
  'AWS::WAFv2::WebACLAssociation': folded('ResourceArn'),
};
