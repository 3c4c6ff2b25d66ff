import type { FirehoseDeliveryStreamFacts, KinesisStreamFacts } from '../../../model/kinds/kinesis.js';
import { isUnknown } from '../../../model/values.js';
import { at, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

/** `AWS::Kinesis::Stream`: without `StreamEncryption` records are stored unencrypted. */
const stream = cfnMapping('KinesisStream', (view): KinesisStreamFacts => {
  const p = view.properties;
  const encryption = p.StreamEncryption;
  return {
    name: str(p.Name, undefined),
    encryption: encryption === undefined ? 'NONE' : str(at(encryption, 'EncryptionType'), 'NONE'),
    kmsKey: refOrString(at(encryption, 'KeyId')),
  };
});

/**
 * `AWS::KinesisFirehose::DeliveryStream`: `DeliveryStreamType` defaults to `DirectPut`, and without
 * `DeliveryStreamEncryptionConfigurationInput` the records Firehose buffers are not server-side encrypted.
 */
const deliveryStream = cfnMapping('FirehoseDeliveryStream', (view): FirehoseDeliveryStreamFacts => {
  const p = view.properties;
  const input = p.DeliveryStreamEncryptionConfigurationInput;
  const keyType = isUnknown(input)
    ? input
    : str(at(input, 'KeyType'), input === undefined ? 'NONE' : 'AWS_OWNED_CMK');
  return {
    name: str(p.DeliveryStreamName, undefined),
    source: str(p.DeliveryStreamType, 'DirectPut'),
    encryption: keyType,
    kmsKey: refOrString(at(input, 'KeyARN')),
  };
});

export const kinesisCfnMappers: CfnMapperTable = {
  'AWS::Kinesis::Stream': stream,
  'AWS::KinesisFirehose::DeliveryStream': deliveryStream,
};
