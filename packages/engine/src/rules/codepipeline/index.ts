import type { AnyRule } from '../rule.js';
import { codepipelineActionNoPlaintextSecrets } from './action-no-plaintext-secrets.js';
import { codepipelineArtifactStoreCmk } from './artifact-store-cmk.js';

export const codepipelineRules: readonly AnyRule[] = [
  codepipelineActionNoPlaintextSecrets,
  codepipelineArtifactStoreCmk,
];
