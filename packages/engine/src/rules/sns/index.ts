import type { AnyRule } from '../rule.js';
import { snsTopicKms } from './topic-kms.js';
import { snsTopicTlsOnly } from './topic-tls-only.js';

export const snsRules: readonly AnyRule[] = [snsTopicKms, snsTopicTlsOnly];
