import type { AnyRule } from '../rule.js';
import { ebsVolumeCmk } from './volume-cmk.js';
import { ebsVolumeEncrypted } from './volume-encrypted.js';
import { ebsVolumeInBackupPlan } from './volume-in-backup-plan.js';

export const ebsRules: readonly AnyRule[] = [ebsVolumeEncrypted, ebsVolumeCmk, ebsVolumeInBackupPlan];
