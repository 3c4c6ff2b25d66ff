import type { AnyRule } from '../rule.js';
import { elasticbeanstalkEnvironmentEnhancedHealth } from './environment-enhanced-health.js';
import { elasticbeanstalkEnvironmentManagedUpdates } from './environment-managed-updates.js';

export const elasticbeanstalkRules: readonly AnyRule[] = [
  elasticbeanstalkEnvironmentEnhancedHealth,
  elasticbeanstalkEnvironmentManagedUpdates,
];
