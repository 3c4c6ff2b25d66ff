import type { AnyRule } from '../rule.js';
import { redshiftBackupEnabled } from './backup-enabled.js';
import { redshiftClusterConfiguration } from './cluster-configuration.js';
import { redshiftEnhancedVpcRouting } from './enhanced-vpc-routing.js';
import { redshiftMaintenanceSettings } from './maintenance-settings.js';
import { redshiftPublicAccess } from './public-access.js';
import { redshiftRequireTls } from './require-tls.js';

export const redshiftRules: readonly AnyRule[] = [
  redshiftPublicAccess,
  redshiftClusterConfiguration,
  redshiftRequireTls,
  redshiftBackupEnabled,
  redshiftEnhancedVpcRouting,
  redshiftMaintenanceSettings,
];
