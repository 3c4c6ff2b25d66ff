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
  const body = p.TemplateBody;
  const texts = [name, typeof template === 'string' ? template : template, body];
  let hipaa: Val<boolean> = false;
  for (const text of texts) {
    if (typeof text === 'string' && text !== 'inline' && HIPAA_PACK.test(text)) hipaa = true;
  }
  if (hipaa === false) {
    const unresolved = texts.find(isUnknown);
    if (unresolved) hipaa = unresolved;
  }
  return { name, template, hipaa };
});

export const configCfnMappers: CfnMapperTable = {
  'AWS::Config::ConfigurationRecorder': recorder,
  'AWS::Config::DeliveryChannel': deliveryChannel,
  'AWS::Config::ConformancePack': conformancePack,
};
