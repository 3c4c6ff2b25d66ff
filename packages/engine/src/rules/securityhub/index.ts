import type { AnyRule } from '../rule.js';
import { securityhubStandards } from './standards.js';

export const securityhubRules: readonly AnyRule[] = [securityhubStandards];
