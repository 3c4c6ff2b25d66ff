import type { AnyRule } from '../rule.js';
import { wafv2WebAclAuthRateLimit } from './web-acl-auth-rate-limit.js';
import { wafv2WebAclLogging } from './web-acl-logging.js';
import { wafv2WebAclManagedRuleGroups } from './web-acl-managed-rule-groups.js';
import { wafv2WebAclRateLimit } from './web-acl-rate-limit.js';

export const wafv2Rules: readonly AnyRule[] = [
  wafv2WebAclLogging,
  wafv2WebAclManagedRuleGroups,
  wafv2WebAclRateLimit,
  wafv2WebAclAuthRateLimit,
];
