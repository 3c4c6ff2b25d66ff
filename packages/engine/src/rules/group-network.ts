import type { AnyRule } from './rule.js';

/** Rules of the network group; each rule is one file under rules/<service>/. */
export const networkRules: readonly AnyRule[] = [];
