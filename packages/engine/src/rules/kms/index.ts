import type { AnyRule } from '../rule.js';
import { kmsKeyDeletionWindow } from './key-deletion-window.js';
import { kmsKeyPolicyNotPublic } from './key-policy-public.js';
import { kmsKeyPolicySeparatesDuties } from './key-policy-separation.js';
import { kmsKeyRotation } from './key-rotation.js';

export const kmsRules: readonly AnyRule[] = [
  kmsKeyRotation,
  kmsKeyDeletionWindow,
  kmsKeyPolicyNotPublic,
  kmsKeyPolicySeparatesDuties,
];
