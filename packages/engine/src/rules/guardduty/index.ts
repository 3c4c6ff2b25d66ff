import type { AnyRule } from '../rule.js';
import { guarddutyDetectorEnabled } from './detector-enabled.js';
import { guarddutyProtectionPlans } from './protection-plans.js';

export const guarddutyRules: readonly AnyRule[] = [guarddutyDetectorEnabled, guarddutyProtectionPlans];
