import type { FirehoseDeliveryStreamFacts, KinesisStreamFacts } from '../../../model/kinds/kinesis.js';
import { isUnknown } from '../../../model/values.js';
import { at, refOrString, str } from '../../read.js';
import { type TfMapperTable, tfMapping } from '../mapper.js';
import { declared, declaredBlock, tfBool } from './vpc.js';

/** `aws_kinesis_stream`: `encryption_type` defaults to `NONE`. */
const stream = tfMapping('KinesisStream', (view): KinesisStreamFacts => {
  const v = view.values;
  return {
    name: str(declared(v.name), undefined),
    encryption: str(declared(v.encryption_type), 'NONE'),
    kmsKey: refOrString(declared(v.kms_key_id)),
  };
});

/**
 * `aws_kinesis_firehose_delivery_stream`: a stream without `kinesis_source_configuration` /
 * `msk_source_configuration` is `DirectPut`; `server_side_encryption.enabled` defaults to false and `key_type` to
 * `AWS_OWNED_CMK`.
 */
const deliveryStream = tfMapping('FirehoseDeliveryStream', (view): FirehoseDeliveryStreamFacts => {
  const v = view.values;
  const source =
    declaredBlock(v.kinesis_source_configuration) !== undefined
      ? 'KinesisStreamAsSource'
      : declaredBlock(v.msk_source_configuration) !== undefined
        ? 'MSKAsSource'
        : 'DirectPut';
  const sse = declaredBlock(v.server_side_encryption);
  const enabled = tfBool(at(sse, 'enabled'), false);
  return {
    name: str(declared(v.name), undefined),
    source,
    encryption: isUnknown(enabled)
      ? enabled
      : enabled
        ? str(declared(at(sse, 'key_type')), 'AWS_OWNED_CMK')
        : 'NONE',
    kmsKey: refOrString(declared(at(sse, 'key_arn'))),
  };
});

export const kinesisTfMappers: TfMapperTable = {
  aws_kinesis_stream: stream,
  aws_kinesis_firehose_delivery_stream: deliveryStream,
};
