import type { AnyRule } from '../rule.js';
import { configHipaaConformancePack } from './hipaa-conformance-pack.js';
import { configRecorderAllResources } from './recorder-all-resources.js';

export const configRules: readonly AnyRule[] = [configRecorderAllResources, configHipaaConformancePack];
