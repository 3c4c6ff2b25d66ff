import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const kinesisStreamEncrypted = defineRule({
  id: 'kinesis-stream-encrypted',
  title: 'Kinesis data streams are encrypted at rest with KMS',
  severity: 'high',
  rationale:
    'Streams carry clinical events and messages (HL7 feeds, device telemetry, audit events) and retain them for ' +
    'up to a year; without server-side encryption those records sit unencrypted in Kinesis storage.',
  remediation: {
    cloudformation:
      'Add StreamEncryption: { EncryptionType: KMS, KeyId: !Ref PhiKey } (alias/aws/kinesis for the AWS managed key).',
    terraform: 'Set encryption_type = "KMS" and kms_key_id = aws_kms_key.phi.arn on aws_kinesis_stream.',
    console:
      'Kinesis → Data streams → the stream → Configuration → Encryption → Edit → Enable server-side encryption.',
  },
  controls: ['encryption-at-rest'],
  kinds: ['KinesisStream'],
  equivalents: { awsConfig: ['kinesis-stream-encrypted'] },
  check(stream) {
    const encryption = stream.facts.encryption;
    if (isUnknown(encryption)) return cannotVerify(`the encryption type is ${encryption.$unknown}`);
    return encryption === 'KMS'
      ? pass
      : fail('server-side encryption is off (no StreamEncryption / encryption_type NONE)');
  },
});
