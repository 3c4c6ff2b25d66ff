import type { AnyRule } from '../rule.js';
import { cloudwatchAlarmAction } from './alarm-action.js';
import { logsLogGroupEncrypted } from './log-group-encrypted.js';
import { logsLogGroupRetention } from './log-group-retention.js';

export const logsRules: readonly AnyRule[] = [
  logsLogGroupEncrypted,
  logsLogGroupRetention,
  cloudwatchAlarmAction,
];
