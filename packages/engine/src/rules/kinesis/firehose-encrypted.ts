import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const firehoseDeliveryStreamEncrypted = defineRule({
  id: 'firehose-delivery-stream-encrypted',
  title: 'Kinesis Data Firehose delivery streams encrypt buffered records',
  severity: 'high',
  rationale:
    'A Direct PUT delivery stream buffers every record it receives (clickstreams, device readings, application ' +
    'and audit events that carry patient identifiers) for up to 24 hours when its destination is unavailable; ' +
    'without server-side encryption that buffer is not encrypted with a key the account controls.',
  remediation: {
    cloudformation:
      'Add DeliveryStreamEncryptionConfigurationInput: { KeyType: CUSTOMER_MANAGED_CMK, KeyARN: !GetAtt PhiKey.Arn } ' +
      '(or KeyType: AWS_OWNED_CMK) to the AWS::KinesisFirehose::DeliveryStream.',
    terraform:
      'Add server_side_encryption { enabled = true, key_type = "CUSTOMER_MANAGED_CMK", key_arn = aws_kms_key.phi.arn } ' +
      'to aws_kinesis_firehose_delivery_stream.',
    console:
      'Amazon Data Firehose → the stream → Configuration → Server-side encryption → Edit → Enable, choose a key.',
  },
  controls: ['encryption-at-rest'],
  kinds: ['FirehoseDeliveryStream'],
  check(stream) {
    const { source, encryption } = stream.facts;
    if (isUnknown(source)) return cannotVerify(`the delivery stream type is ${source.$unknown}`);
    // A Kinesis or MSK source keeps the records (and their encryption) in the source; Firehose SSE is not available.
    if (source !== 'DirectPut') return skip;
    if (isUnknown(encryption))
      return cannotVerify(`the server-side encryption key type is ${encryption.$unknown}`);
    return encryption === 'NONE'
      ? fail(
          'Direct PUT stream without server-side encryption (no DeliveryStreamEncryptionConfigurationInput / ' +
            'server_side_encryption disabled)',
        )
      : pass;
  },
});
