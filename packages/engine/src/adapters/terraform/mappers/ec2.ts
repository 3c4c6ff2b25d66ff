import type { BlockDeviceFacts } from '../../../model/kinds/ec2.js';
import { isUnknown, unknown, type Val } from '../../../model/values.js';
import { at, list, refOrString, str } from '../../read.js';
import {
  type TfMapContext,
  type TfMapperTable,
  type TfResourceView,
  tfFolded,
  tfMapping,
} from '../mapper.js';
import { countOf, declared, declaredBlock, tfBool } from './vpc.js';

function deviceOf(device: unknown, fallbackName: string): BlockDeviceFacts {
  return {
    deviceName: str(declared(at(device, 'device_name')), fallbackName),
    // Absent: false — the account's EBS-encryption-by-default setting is not visible in Terraform either.
    encrypted: tfBool(at(device, 'encrypted'), false),
    kmsKey: (() => {
      const key = refOrString(declared(at(device, 'kms_key_id')));
      return key === '' ? undefined : key;
    })(),
  };
}

/** `root_block_device` + `ebs_block_device` blocks (instances, launch configurations); only declared ones count. */
function instanceDevices(v: Readonly<Record<string, unknown>>): Val<readonly BlockDeviceFacts[]> {
  const root = list(declared(v.root_block_device));
  const ebs = list(declared(v.ebs_block_device));
  if (isUnknown(root)) return root;
  if (isUnknown(ebs)) return ebs;
  return [...root.map((device) => deviceOf(device, 'root')), ...ebs.map((device) => deviceOf(device, ''))];
}

/** Launch template `block_device_mappings` with an `ebs` block (its `encrypted` is the string "true"/"false"). */
function templateDevices(value: unknown): Val<readonly BlockDeviceFacts[]> {
  const items = list(declared(value));
  if (isUnknown(items)) return items;
  return items
    .filter((mapping) => declaredBlock(at(mapping, 'ebs')) !== undefined)
    .map((mapping) => ({
      ...deviceOf(declaredBlock(at(mapping, 'ebs')), ''),
      deviceName: str(at(mapping, 'device_name'), ''),
    }));
}

/** Any network interface with `associate_public_ip_address` true; `undefined` when none says either way. */
function interfacesPublicIp(value: unknown): Val<boolean> | undefined {
  const items = list(declared(value));
  if (isUnknown(items)) return items;
  let result: Val<boolean> | undefined;
  for (const item of items) {
    const raw = declared(at(item, 'associate_public_ip_address'));
    const flag = tfBool(raw, false);
    if (flag === true) return true;
    if (isUnknown(flag)) result = flag;
    else if (raw !== undefined && raw !== '' && result === undefined) result = false;
  }
  return result;
}

const httpTokensOf = (metadata: unknown): Val<string> =>
  str(declared(at(declaredBlock(metadata), 'http_tokens')), 'optional');

/** The `aws_launch_template` a `launch_template { id | name }` block points at (by reference or by name). */
function launchTemplateOf(spec: unknown, context: TfMapContext): Val<TfResourceView> | undefined {
  if (spec === undefined) return undefined;
  if (isUnknown(spec)) return spec;
  const byId = declared(at(spec, 'id') ?? at(spec, 'launch_template_id'));
  const byName = declared(at(spec, 'name') ?? at(spec, 'launch_template_name'));
  const resolved = context.resolve(byId) ?? context.resolve(byName);
  if (resolved) return resolved;
  if (typeof byName === 'string') {
    const named = context
      .memo('ec2/launch-templates-by-name', () => {
        const index = new Map<unknown, TfResourceView>();
        for (const template of context.ofType('aws_launch_template'))
          index.set(template.values.name, template);
        return index;
      })
      .get(byName);
    if (named) return named;
  }
  return unknown('launch template is not in this input');
}

const instance = tfMapping('Instance', (view, context) => {
  const v = view.values;
  const template = launchTemplateOf(declaredBlock(v.launch_template), context);
  const data = template === undefined || isUnknown(template) ? undefined : template.values;
  const ownMetadata = declaredBlock(v.metadata_options);
  const ownTokens = declared(at(ownMetadata, 'http_tokens'));
  const httpTokens: Val<string> =
    ownTokens !== undefined
      ? str(ownTokens, 'optional')
      : isUnknown(template)
        ? template
        : httpTokensOf(data?.metadata_options);
  const ownDevices =
    declared(v.root_block_device) !== undefined || declared(v.ebs_block_device) !== undefined;
  const devices = instanceDevices(v);
  return {
    instanceType: str(declared(v.instance_type) ?? declared(data?.instance_type), 'm1.small'),
    ebsOptimized: tfBool(declared(v.ebs_optimized) ?? data?.ebs_optimized, false),
    detailedMonitoring: tfBool(
      declared(v.monitoring) ?? declared(at(declaredBlock(data?.monitoring), 'enabled')),
      false,
    ),
    // associate_public_ip_address is computed from the subnet when unset: absent, and the subnet decides.
    associatePublicIp:
      declared(v.associate_public_ip_address) !== undefined
        ? tfBool(v.associate_public_ip_address, false)
        : interfacesPublicIp(data?.network_interfaces),
    instanceProfile:
      refOrString(declared(v.iam_instance_profile)) ??
      refOrString(declared(at(declaredBlock(data?.iam_instance_profile), 'arn'))) ??
      refOrString(declared(at(declaredBlock(data?.iam_instance_profile), 'name'))),
    subnet:
      refOrString(declared(v.subnet_id)) ??
      refOrString(declared(at(declaredBlock(data?.network_interfaces), 'subnet_id'))),
    httpTokens,
    blockDevices: ownDevices || data === undefined ? devices : templateDevices(data.block_device_mappings),
  };
});

const launchTemplate = tfMapping('LaunchTemplate', (view) => {
  const v = view.values;
  const monitoring = declared(at(declaredBlock(v.monitoring), 'enabled'));
  return {
    httpTokens: httpTokensOf(v.metadata_options),
    blockDevices: templateDevices(v.block_device_mappings),
    associatePublicIp: interfacesPublicIp(v.network_interfaces),
    detailedMonitoring: monitoring === undefined ? undefined : tfBool(monitoring, false),
  };
});

const launchConfiguration = tfMapping('LaunchConfiguration', (view) => {
  const v = view.values;
  const publicIp = declared(v.associate_public_ip_address);
  return {
    httpTokens: httpTokensOf(v.metadata_options),
    blockDevices: instanceDevices(v),
    associatePublicIp: publicIp === undefined ? undefined : tfBool(publicIp, false),
    // enable_monitoring defaults to true (detailed monitoring), as CloudFormation's InstanceMonitoring.
    detailedMonitoring: tfBool(v.enable_monitoring, true),
  };
});

const autoScalingGroup = tfMapping('AutoScalingGroup', (view, context) => {
  const v = view.values;
  const targetGroups = countOf(declared(v.target_group_arns));
  const classic = countOf(declared(v.load_balancers));
  const attachments = context.referrers('aws_autoscaling_attachment', 'autoscaling_group_name').length;
  const loadBalanced = isUnknown(targetGroups)
    ? targetGroups
    : isUnknown(classic)
      ? classic
      : targetGroups + classic + attachments > 0;
  const templateSpec =
    declaredBlock(v.launch_template) ??
    declaredBlock(
      at(
        declaredBlock(at(declaredBlock(v.mixed_instances_policy), 'launch_template')),
        'launch_template_specification',
      ),
    );
  let httpTokens: Val<string>;
  if (templateSpec !== undefined) {
    const template = launchTemplateOf(templateSpec, context);
    httpTokens =
      template === undefined
        ? 'optional'
        : isUnknown(template)
          ? template
          : httpTokensOf(template.values.metadata_options);
  } else if (declared(v.launch_configuration) !== undefined) {
    const reference = v.launch_configuration;
    const configuration =
      context.resolve(reference) ??
      (typeof reference === 'string'
        ? context
            .memo('ec2/launch-configurations-by-name', () => {
              const index = new Map<unknown, TfResourceView>();
              for (const item of context.ofType('aws_launch_configuration'))
                index.set(item.values.name, item);
              return index;
            })
            .get(reference)
        : undefined);
    httpTokens = configuration
      ? httpTokensOf(configuration.values.metadata_options)
      : unknown('launch configuration is not in this input');
  } else httpTokens = unknown('no launch template or configuration (instances attached from elsewhere)');
  return {
    healthCheckType: str(declared(v.health_check_type), 'EC2'),
    loadBalanced,
    httpTokens,
  };
});

export const ec2TfMappers: TfMapperTable = {
  aws_instance: instance,
  aws_launch_template: launchTemplate,
  aws_launch_configuration: launchConfiguration,
  aws_autoscaling_group: autoScalingGroup,
  aws_autoscaling_attachment: tfFolded('autoscaling_group_name'),
};
