import type {
  ConfigRecorderFacts,
  ConformancePackFacts,
  DeliveryChannelFacts,
} from '../../../model/kinds/config.js';
import { isUnknown, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

const recorder = cfnMapping('ConfigRecorder', (view): ConfigRecorderFacts => {
  const p = view.properties;
  const group = p.RecordingGroup;
  const strategy = str(at(group, 'RecordingStrategy.UseOnly'), undefined);
  const resourceTypes = list(at(group, 'ResourceTypes'));
  const excluded = list(at(group, 'ExclusionByResourceTypes.ResourceTypes'));
  // Without a recording group AWS Config records every supported regional type, not the global IAM types.
  let allSupported: Val<boolean>;
  if (group === undefined) allSupported = true;
  else if (isUnknown(group)) allSupported = group;
  else if (strategy !== undefined)
    allSupported = isUnknown(strategy) ? strategy : strategy === 'ALL_SUPPORTED_RESOURCE_TYPES';
  else
    allSupported = bool(at(group, 'AllSupported'), !isUnknown(resourceTypes) && resourceTypes.length === 0);
  return {
    name: str(p.Name, undefined),
    allSupported,
    includeGlobalResourceTypes: bool(at(group, 'IncludeGlobalResourceTypes'), false),
    recordingStrategy: strategy,
    excludedResourceTypes: isUnknown(excluded) ? excluded : excluded.map((t) => str(t, '')),
  };
});

const deliveryChannel = cfnMapping('DeliveryChannel', (view): DeliveryChannelFacts => {
  const p = view.properties;
  return {
    s3Bucket: refOrString(p.S3BucketName) ?? unknown('S3BucketName not set'),
    s3KmsKey: refOrString(p.S3KmsKeyArn),
    snsTopic: refOrString(p.SnsTopicARN),
  };
});

const HIPAA_PACK = /hipaa/i;

const conformancePack = cfnMapping('ConformancePack', (view): ConformancePackFacts => {
  const p = view.properties;
  const name = str(p.ConformancePackName, '');
  const template =
    p.TemplateBody !== undefined ? 'inline' : (str(p.TemplateS3Uri, undefined) ?? unknown('no template'));
  // Known by its name, its S3 template key or its inline body (AWS's pack is named after HIPAA Security).
  const texts: unknown[] = [name, template === 'inline' ? undefined : template, p.TemplateBody];
  let hipaa: Val<boolean> = texts.some((text) => typeof text === 'string' && HIPAA_PACK.test(text));
  if (!hipaa) hipaa = texts.find(isUnknown) ?? false;
  return { name, template, hipaa };
});

export const configCfnMappers: CfnMapperTable = {
  'AWS::Config::ConfigurationRecorder': recorder,
  'AWS::Config::DeliveryChannel': deliveryChannel,
  'AWS::Config::ConformancePack': conformancePack,
};
