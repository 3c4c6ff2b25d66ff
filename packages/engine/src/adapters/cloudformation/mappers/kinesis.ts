import type { KinesisStreamFacts } from '../../../model/kinds/kinesis.js';
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

export const kinesisCfnMappers: CfnMapperTable = {
  'AWS::Kinesis::Stream': stream,
};
