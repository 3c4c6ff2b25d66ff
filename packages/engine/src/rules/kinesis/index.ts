import type { AnyRule } from '../rule.js';
import { kinesisStreamEncrypted } from './stream-encrypted.js';

export const kinesisRules: readonly AnyRule[] = [kinesisStreamEncrypted];
