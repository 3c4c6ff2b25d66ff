import type { AnyRule } from '../rule.js';
import { ssmParameterNoPlaintextSecrets } from './parameter-no-plaintext-secrets.js';

export const ssmRules: readonly AnyRule[] = [ssmParameterNoPlaintextSecrets];
