import type { AnyRule } from '../rule.js';
import { emrClusterEncryption } from './cluster-encryption.js';
import { emrClusterKerberos } from './cluster-kerberos.js';

export const emrRules: readonly AnyRule[] = [emrClusterKerberos, emrClusterEncryption];
