import type { BlockDeviceFacts } from '../../../model/kinds/ec2.js';
import { isUnknown, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, refOrString, str } from '../../read.js';
import { type CfnMapContext, type CfnMapperTable, type CfnResourceView, cfnMapping } from '../mapper.js';

function blockDevicesOf(value: unknown): Val<readonly BlockDeviceFacts[]> {
  const items = list(value);
  if (isUnknown(items)) return items;
  return items
    .filter((mapping) => at(mapping, 'Ebs') !== undefined)
    .map((mapping) => ({
      deviceName: str(at(mapping, 'DeviceName'), ''),
      encrypted: bool(at(mapping, 'Ebs.Encrypted'), false),
      kmsKey: refOrString(at(mapping, 'Ebs.KmsKeyId')),
    }));
}

/** Any network interface with `AssociatePublicIpAddress: true`; `undefined` when none says either way. */
function interfacesPublicIp(value: unknown): Val<boolean> | undefined {
  const items = list(value);
  if (isUnknown(items)) return items;
  let result: Val<boolean> | undefined;
  for (const item of items) {
    const flag = bool(at(item, 'AssociatePublicIpAddress'), false);
    if (flag === true) return true;
    if (isUnknown(flag)) result = flag;
    else if (at(item, 'AssociatePublicIpAddress') !== undefined && result === undefined) result = false;
  }
  return result;
}

/** The launch template a `LaunchTemplate` specification points at (by id reference or by literal name). */
function launchTemplateOf(spec: unknown, context: CfnMapContext): Val<CfnResourceView> | undefined {
  if (spec === undefined) return undefined;
  if (isUnknown(spec)) return spec;
  const byId = at(spec, 'LaunchTemplateId');
  const byName = at(spec, 'LaunchTemplateName');
  const resolved = context.resolve(byId) ?? context.resolve(byName);
  if (resolved) return resolved;
  if (typeof byName === 'string') {
    const named = context
      .memo('ec2/launch-templates-by-name', () => {
        const index = new Map<unknown, CfnResourceView>();
        for (const template of context.ofType('AWS::EC2::LaunchTemplate'))
          index.set(template.properties.LaunchTemplateName, template);
        return index;
      })
      .get(byName);
    if (named) return named;
  }
  return unknown('launch template is not in this input');
}

const instance = cfnMapping('Instance', (view, context) => {
  const p = view.properties;
  const template = launchTemplateOf(p.LaunchTemplate, context);
  const templateData =
    template === undefined || isUnknown(template) ? undefined : template.properties.LaunchTemplateData;
  const ownTokens = at(p, 'MetadataOptions.HttpTokens');
  const httpTokens: Val<string> =
    ownTokens !== undefined
      ? str(ownTokens, 'optional')
      : isUnknown(template)
        ? template
        : str(at(templateData, 'MetadataOptions.HttpTokens'), 'optional');
  const interfaces = p.NetworkInterfaces;
  const interfaceSubnet = isUnknown(list(interfaces))
    ? undefined
    : (list(interfaces) as unknown[]).map((item) => refOrString(at(item, 'SubnetId'))).find(Boolean);
  return {
    instanceType: str(p.InstanceType ?? at(templateData, 'InstanceType'), 'm1.small'),
    ebsOptimized: bool(p.EbsOptimized ?? at(templateData, 'EbsOptimized'), false),
    detailedMonitoring: bool(p.Monitoring ?? at(templateData, 'Monitoring.Enabled'), false),
    associatePublicIp:
      interfacesPublicIp(interfaces) ?? interfacesPublicIp(at(templateData, 'NetworkInterfaces')),
    instanceProfile:
      refOrString(p.IamInstanceProfile) ??
      refOrString(at(templateData, 'IamInstanceProfile.Arn')) ??
      refOrString(at(templateData, 'IamInstanceProfile.Name')),
    subnet:
      refOrString(p.SubnetId) ??
      interfaceSubnet ??
      refOrString(at(templateData, 'NetworkInterfaces.0.SubnetId')),
    httpTokens,
    blockDevices:
      p.BlockDeviceMappings !== undefined || templateData === undefined
        ? blockDevicesOf(p.BlockDeviceMappings)
        : blockDevicesOf(at(templateData, 'BlockDeviceMappings')),
  };
});

const launchTemplate = cfnMapping('LaunchTemplate', (view) => {
  const data = view.properties.LaunchTemplateData;
  const monitoring = at(data, 'Monitoring.Enabled');
  return {
    httpTokens: str(at(data, 'MetadataOptions.HttpTokens'), 'optional'),
    blockDevices: blockDevicesOf(at(data, 'BlockDeviceMappings')),
    associatePublicIp: interfacesPublicIp(at(data, 'NetworkInterfaces')),
    detailedMonitoring: monitoring === undefined ? undefined : bool(monitoring, false),
  };
});

const launchConfiguration = cfnMapping('LaunchConfiguration', (view) => {
  const p = view.properties;
  return {
    httpTokens: str(at(p, 'MetadataOptions.HttpTokens'), 'optional'),
    blockDevices: blockDevicesOf(p.BlockDeviceMappings),
    associatePublicIp:
      p.AssociatePublicIpAddress === undefined ? undefined : bool(p.AssociatePublicIpAddress, false),
    detailedMonitoring: bool(p.InstanceMonitoring, true),
  };
});

const autoScalingGroup = cfnMapping('AutoScalingGroup', (view, context) => {
  const p = view.properties;
  const targetGroups = list(p.TargetGroupARNs);
  const classic = list(p.LoadBalancerNames);
  const loadBalanced = isUnknown(targetGroups)
    ? targetGroups
    : isUnknown(classic)
      ? classic
      : targetGroups.length + classic.length > 0;
  const templateSpec =
    p.LaunchTemplate ?? at(p, 'MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification');
  let httpTokens: Val<string>;
  if (templateSpec !== undefined) {
    const template = launchTemplateOf(templateSpec, context);
    httpTokens =
      template === undefined
        ? 'optional'
        : isUnknown(template)
          ? template
          : str(at(template.properties, 'LaunchTemplateData.MetadataOptions.HttpTokens'), 'optional');
  } else if (p.LaunchConfigurationName !== undefined) {
    const configuration = context.resolve(p.LaunchConfigurationName);
    httpTokens = configuration
      ? str(at(configuration.properties, 'MetadataOptions.HttpTokens'), 'optional')
      : unknown('launch configuration is not in this input');
  } else httpTokens = unknown('no launch template or configuration (instances attached from elsewhere)');
  return {
    healthCheckType: str(p.HealthCheckType, 'EC2'),
    loadBalanced,
    httpTokens,
  };
});

export const ec2CfnMappers: CfnMapperTable = {
  'AWS::EC2::Instance': instance,
  'AWS::EC2::LaunchTemplate': launchTemplate,
  'AWS::AutoScaling::LaunchConfiguration': launchConfiguration,
  'AWS::AutoScaling::AutoScalingGroup': autoScalingGroup,
};
