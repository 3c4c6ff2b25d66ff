import type {
  ConfigRecorderFacts,
  ConformancePackFacts,
  DeliveryChannelFacts,
} from '../../../model/kinds/config.js';
import type { DetectorFacts } from '../../../model/kinds/guardduty.js';
import type { HubFacts } from '../../../model/kinds/securityhub.js';
import { isUnknown, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, refOrString, str } from '../../read.js';
import { block, type TfMapperTable, tfFolded, tfMapping } from '../mapper.js';
import { unlessComputed } from './kms.js';

/*
 * Detection services of R-INF-8: GuardDuty, Security Hub and AWS Config, with the same facts and AWS defaults as
 * their CloudFormation mappings.
 */

/**
 * GuardDuty enables every optional protection plan except Runtime Monitoring on a new detector unless the
 * request disables it, so a plan the configuration does not mention is on.
 */
const DEFAULT_ON = [
  'S3_DATA_EVENTS',
  'EKS_AUDIT_LOGS',
  'EBS_MALWARE_PROTECTION',
  'RDS_LOGIN_EVENTS',
  'LAMBDA_NETWORK_LOGS',
];

/** `datasources { s3_logs { enable } … }`: the legacy way to set the S3, EKS and malware plans. */
function enableAt(dataSources: unknown, path: readonly string[]): unknown {
  let current = dataSources;
  for (const step of path) {
    if (isUnknown(current)) return current;
    current = block(at(current, step));
    if (current === undefined || current === null) return undefined;
  }
  return isUnknown(current) ? current : at(current, 'enable');
}

/** `aws_guardduty_detector` (`enable` defaults to true) with its `aws_guardduty_detector_feature` resources. */
const detector = tfMapping('Detector', (view, context): DetectorFacts => {
  const v = view.values;
  const features: Record<string, Val<boolean>> = {};
  for (const name of DEFAULT_ON) features[name] = true;
  const dataSources = block(unlessComputed(v.datasources));
  if (dataSources !== undefined && dataSources !== null) {
    const legacy: [string, string[]][] = [
      ['S3_DATA_EVENTS', ['s3_logs']],
      ['EKS_AUDIT_LOGS', ['kubernetes', 'audit_logs']],
      ['EBS_MALWARE_PROTECTION', ['malware_protection', 'scan_ec2_instance_with_findings', 'ebs_volumes']],
    ];
    for (const [name, path] of legacy) {
      const enable = enableAt(dataSources, path);
      if (enable !== undefined) features[name] = bool(enable, true);
    }
  }
  for (const feature of context.referrers('aws_guardduty_detector_feature', 'detector_id')) {
    const name = feature.values.name;
    if (typeof name !== 'string') continue;
    const status = str(feature.values.status, 'ENABLED');
    features[name] = isUnknown(status) ? status : status === 'ENABLED';
  }
  return {
    enabled: bool(v.enable, true),
    features,
    findingPublishingFrequency: str(unlessComputed(v.finding_publishing_frequency), 'SIX_HOURS'),
  };
});

/**
 * `aws_securityhub_account`. As in CloudFormation, an `aws_securityhub_standards_subscription` names no hub (it
 * applies to the account's): it stays listed on its own and every one of the input is read here.
 */
const hub = tfMapping(
  'Hub',
  (view, context): HubFacts => ({
    enableDefaultStandards: bool(view.values.enable_default_standards, true),
    standards: context
      .ofType('aws_securityhub_standards_subscription')
      .map((subscription) => str(subscription.values.standards_arn, '')),
  }),
);

/** `aws_config_configuration_recorder`: without a `recording_group` every regional type, not global IAM types. */
const recorder = tfMapping('ConfigRecorder', (view): ConfigRecorderFacts => {
  const v = view.values;
  const group = block(unlessComputed(v.recording_group));
  const strategy =
    group === undefined || isUnknown(group)
      ? undefined
      : str(at(block(unlessComputed(at(group, 'recording_strategy'))), 'use_only'), undefined);
  const resourceTypes = list(at(group, 'resource_types'));
  const excluded = list(
    at(block(unlessComputed(at(group, 'exclusion_by_resource_types'))), 'resource_types'),
  );
  let allSupported: Val<boolean>;
  if (group === undefined || group === null) allSupported = true;
  else if (isUnknown(group)) allSupported = group;
  else if (strategy !== undefined)
    allSupported = isUnknown(strategy) ? strategy : strategy === 'ALL_SUPPORTED_RESOURCE_TYPES';
  else
    allSupported = bool(at(group, 'all_supported'), !isUnknown(resourceTypes) && resourceTypes.length === 0);
  return {
    name: str(unlessComputed(v.name), undefined),
    allSupported,
    includeGlobalResourceTypes: bool(at(group, 'include_global_resource_types'), false),
    recordingStrategy: strategy,
    excludedResourceTypes: isUnknown(excluded) ? excluded : excluded.map((t) => str(t, '')),
  };
});

const deliveryChannel = tfMapping('DeliveryChannel', (view): DeliveryChannelFacts => {
  const v = view.values;
  return {
    s3Bucket: refOrString(v.s3_bucket_name) ?? unknown('s3_bucket_name not set'),
    s3KmsKey: v.s3_kms_key_arn === '' ? undefined : refOrString(v.s3_kms_key_arn),
    snsTopic: v.sns_topic_arn === '' ? undefined : refOrString(v.sns_topic_arn),
  };
});

const HIPAA_PACK = /hipaa/i;

/** `aws_config_conformance_pack` / `aws_config_organization_conformance_pack`, known by name or template. */
const conformancePack = tfMapping('ConformancePack', (view): ConformancePackFacts => {
  const v = view.values;
  const name = str(v.name, '');
  const body = v.template_body === '' ? undefined : v.template_body;
  const uri = v.template_s3_uri === '' ? undefined : v.template_s3_uri;
  const template =
    body !== undefined && body !== null ? 'inline' : (str(uri, undefined) ?? unknown('no template'));
  const texts: unknown[] = [name, template === 'inline' ? undefined : template, body];
  let hipaa: Val<boolean> = texts.some((text) => typeof text === 'string' && HIPAA_PACK.test(text));
  if (!hipaa) hipaa = texts.find(isUnknown) ?? false;
  return { name, template, hipaa };
});

export const detectionTfMappers: TfMapperTable = {
  aws_guardduty_detector: detector,
  aws_guardduty_detector_feature: tfFolded('detector_id'),
  aws_securityhub_account: hub,
  aws_config_configuration_recorder: recorder,
  aws_config_delivery_channel: deliveryChannel,
  aws_config_conformance_pack: conformancePack,
  aws_config_organization_conformance_pack: conformancePack,
};
