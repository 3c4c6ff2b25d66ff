import { cloudtrailRules } from './cloudtrail/index.js';
import { iamRules } from './iam/index.js';
import { kmsRules } from './kms/index.js';
import { logsRules } from './logs/index.js';
import type { AnyRule } from './rule.js';

/** Rules of the security group; each rule is one file under rules/<service>/. */
export const securityRules: readonly AnyRule[] = [...kmsRules, ...cloudtrailRules, ...logsRules, ...iamRules];
