import type { AnyRule } from '../rule.js';
import { rdsAutoMinorVersionUpgrade } from './auto-minor-version-upgrade.js';
import { rdsBackupEnabled } from './backup-enabled.js';
import { rdsBackupRetention } from './backup-retention.js';
import { rdsBackupRetentionTarget } from './backup-retention-target.js';
import { rdsDeletionProtection } from './deletion-protection.js';
import { rdsEngineEndOfSupport } from './engine-end-of-support.js';
import { rdsEngineEndOfSupportSoon } from './engine-end-of-support-soon.js';
import { rdsEnhancedMonitoring } from './enhanced-monitoring.js';
import { rdsForceSsl } from './force-ssl.js';
import { rdsIamAuthentication } from './iam-authentication.js';
import { rdsInBackupPlan } from './in-backup-plan.js';
import { rdsLogging } from './logging.js';
import { rdsMasterPasswordNotPlaintext } from './master-password.js';
import { rdsMultiAz } from './multi-az.js';
import { rdsPerformanceInsightsCmk } from './performance-insights-cmk.js';
import { rdsPublicAccess } from './public-access.js';
import { rdsStorageCmk } from './storage-cmk.js';
import { rdsStorageEncrypted } from './storage-encrypted.js';

export const rdsRules: readonly AnyRule[] = [
  rdsStorageEncrypted,
  rdsStorageCmk,
  rdsPublicAccess,
  rdsForceSsl,
  rdsMasterPasswordNotPlaintext,
  rdsIamAuthentication,
  rdsBackupEnabled,
  rdsBackupRetention,
  rdsBackupRetentionTarget,
  rdsInBackupPlan,
  rdsDeletionProtection,
  rdsMultiAz,
  rdsLogging,
  rdsEnhancedMonitoring,
  rdsPerformanceInsightsCmk,
  rdsAutoMinorVersionUpgrade,
  rdsEngineEndOfSupport,
  rdsEngineEndOfSupportSoon,
];
