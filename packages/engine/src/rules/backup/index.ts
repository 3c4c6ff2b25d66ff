import type { AnyRule } from '../rule.js';
import { backupPlanRetentionCopy } from './plan-retention-copy.js';
import { backupVaultCmk } from './vault-cmk.js';

export const backupRules: readonly AnyRule[] = [backupPlanRetentionCopy, backupVaultCmk];
