import type { AnyRule } from '../rule.js';
import { firehoseDeliveryStreamEncrypted } from './firehose-encrypted.js';
import { kinesisStreamEncrypted } from './stream-encrypted.js';

export const kinesisRules: readonly AnyRule[] = [kinesisStreamEncrypted, firehoseDeliveryStreamEncrypted];
