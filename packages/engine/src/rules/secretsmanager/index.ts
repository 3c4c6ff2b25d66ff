import type { AnyRule } from '../rule.js';
import { secretsmanagerCmk } from './cmk.js';
import { secretsmanagerNoDynamicReferenceInEnvironment } from './no-dynamic-reference-in-environment.js';
import { secretsmanagerNoPlaintextValue } from './no-plaintext-value.js';
import { secretsmanagerRotation } from './rotation.js';

export const secretsmanagerRules: readonly AnyRule[] = [
  secretsmanagerRotation,
  secretsmanagerCmk,
  secretsmanagerNoPlaintextValue,
  secretsmanagerNoDynamicReferenceInEnvironment,
];
