import type { AnyRule } from '../rule.js';
import { ecrRepositoryKmsEncryption } from './repository-kms-encryption.js';
import { ecrRepositoryPhiCmk } from './repository-phi-cmk.js';
import { ecrRepositoryPolicyNotPublic } from './repository-policy-not-public.js';
import { ecrRepositoryScanOnPush } from './repository-scan-on-push.js';
import { ecrRepositoryTagImmutability } from './repository-tag-immutability.js';

export const ecrRules: readonly AnyRule[] = [
  ecrRepositoryScanOnPush,
  ecrRepositoryPhiCmk,
  ecrRepositoryKmsEncryption,
  ecrRepositoryPolicyNotPublic,
  ecrRepositoryTagImmutability,
];
