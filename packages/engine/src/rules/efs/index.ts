import type { AnyRule } from '../rule.js';
import { efsFileSystemCmk } from './file-system-cmk.js';
import { efsFileSystemEncrypted } from './file-system-encrypted.js';
import { efsFileSystemInBackupPlan } from './file-system-in-backup-plan.js';

export const efsRules: readonly AnyRule[] = [
  efsFileSystemEncrypted,
  efsFileSystemCmk,
  efsFileSystemInBackupPlan,
];
