import type { AnyRule } from '../rule.js';
import { elasticbeanstalkEnvironmentEnhancedHealth } from './environment-enhanced-health.js';
import { elasticbeanstalkEnvironmentManagedUpdates } from './environment-managed-updates.js';
import { elasticbeanstalkEnvironmentNoPlaintextSecrets } from './environment-no-plaintext-secrets.js';

export const elasticbeanstalkRules: readonly AnyRule[] = [
  elasticbeanstalkEnvironmentEnhancedHealth,
  elasticbeanstalkEnvironmentManagedUpdates,
  elasticbeanstalkEnvironmentNoPlaintextSecrets,
];
