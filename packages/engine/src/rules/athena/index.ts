import type { AnyRule } from '../rule.js';
import { athenaWorkGroupResultsEncrypted } from './workgroup-results-encrypted.js';

export const athenaRules: readonly AnyRule[] = [athenaWorkGroupResultsEncrypted];
