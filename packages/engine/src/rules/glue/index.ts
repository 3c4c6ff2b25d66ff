import type { AnyRule } from '../rule.js';
import { glueConnectionNoPlaintextPassword } from './connection-no-plaintext-password.js';
import { glueDataCatalogConnectionPasswordsEncrypted } from './data-catalog-connection-passwords-encrypted.js';
import { glueDataCatalogEncrypted } from './data-catalog-encrypted.js';
import { glueJobNoPlaintextSecrets } from './job-no-plaintext-secrets.js';
import { glueSecurityConfigurationEncrypted } from './security-configuration-encrypted.js';
import { glueSecurityConfigurationUsed } from './security-configuration-used.js';
import { glueSecurityConfigurationUsedNonPhi } from './security-configuration-used-non-phi.js';

export const glueRules: readonly AnyRule[] = [
  glueSecurityConfigurationEncrypted,
  glueSecurityConfigurationUsed,
  glueSecurityConfigurationUsedNonPhi,
  glueJobNoPlaintextSecrets,
  glueConnectionNoPlaintextPassword,
  glueDataCatalogEncrypted,
  glueDataCatalogConnectionPasswordsEncrypted,
];
