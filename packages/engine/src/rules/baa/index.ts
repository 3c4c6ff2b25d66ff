import type { AnyRule } from '../rule.js';
import { baaEligibleService } from './eligible-service.js';

export const baaRules: readonly AnyRule[] = [baaEligibleService];
