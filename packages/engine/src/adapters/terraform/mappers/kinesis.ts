import type { KinesisStreamFacts } from '../../../model/kinds/kinesis.js';
import { refOrString, str } from '../../read.js';
import { type TfMapperTable, tfMapping } from '../mapper.js';
import { declared } from './vpc.js';

/** `aws_kinesis_stream`: `encryption_type` defaults to `NONE`. */
const stream = tfMapping('KinesisStream', (view): KinesisStreamFacts => {
  const v = view.values;
  return {
    name: str(declared(v.name), undefined),
    encryption: str(declared(v.encryption_type), 'NONE'),
    kmsKey: refOrString(declared(v.kms_key_id)),
  };
});

export const kinesisTfMappers: TfMapperTable = {
  aws_kinesis_stream: stream,
};
