import type { AnyRule } from '../rule.js';
import { codebuildProjectEncryptionKey } from './project-encryption-key.js';
import { codebuildProjectNoPlaintextCredentials } from './project-no-plaintext-credentials.js';
import { codebuildProjectSourceRepoUrl } from './project-source-repo-url.js';

export const codebuildRules: readonly AnyRule[] = [
  codebuildProjectNoPlaintextCredentials,
  codebuildProjectSourceRepoUrl,
  codebuildProjectEncryptionKey,
];
