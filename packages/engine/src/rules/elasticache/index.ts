import type { AnyRule } from '../rule.js';
import { elasticacheAtRestEncryption } from './at-rest-encryption.js';
import { elasticacheAutomaticBackup } from './automatic-backup.js';
import { elasticacheInTransitEncryption } from './in-transit-encryption.js';
import { elasticacheRedisAuthentication } from './redis-authentication.js';

export const elasticacheRules: readonly AnyRule[] = [
  elasticacheAtRestEncryption,
  elasticacheInTransitEncryption,
  elasticacheRedisAuthentication,
  elasticacheAutomaticBackup,
];
