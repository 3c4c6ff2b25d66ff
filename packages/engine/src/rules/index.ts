import { baaRules } from './baa/index.js';
import { dataRules } from './group-data.js';
import { networkRules } from './group-network.js';
import { securityRules } from './group-security.js';
import type { AnyRule } from './rule.js';

export const allRules: readonly AnyRule[] = [...dataRules, ...networkRules, ...securityRules, ...baaRules];
