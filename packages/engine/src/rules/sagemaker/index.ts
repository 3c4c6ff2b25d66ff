import type { AnyRule } from '../rule.js';
import { sagemakerEndpointConfigKmsKey } from './endpoint-config-kms-key.js';
import { sagemakerNotebookKmsKey } from './notebook-kms-key.js';
import { sagemakerNotebookNoDirectInternet } from './notebook-no-direct-internet.js';

export const sagemakerRules: readonly AnyRule[] = [
  sagemakerNotebookNoDirectInternet,
  sagemakerNotebookKmsKey,
  sagemakerEndpointConfigKmsKey,
];
