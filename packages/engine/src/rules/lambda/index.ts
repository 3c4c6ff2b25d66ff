import type { AnyRule } from '../rule.js';
import { lambdaFunctionConcurrency } from './function-concurrency.js';
import { lambdaFunctionDlq } from './function-dlq.js';
import { lambdaFunctionEnvironmentCmk } from './function-environment-cmk.js';
import { lambdaFunctionInsideVpc } from './function-inside-vpc.js';
import { lambdaFunctionNoPlaintextSecrets } from './function-no-plaintext-secrets.js';
import { lambdaFunctionPublicAccessProhibited } from './function-public-access-prohibited.js';
import { lambdaFunctionRuntimeDeprecated } from './function-runtime-deprecated.js';
import { lambdaFunctionRuntimeDeprecationSoon } from './function-runtime-deprecation-soon.js';
import { lambdaFunctionUniqueRole } from './function-unique-role.js';

export const lambdaRules: readonly AnyRule[] = [
  lambdaFunctionRuntimeDeprecated,
  lambdaFunctionRuntimeDeprecationSoon,
  lambdaFunctionNoPlaintextSecrets,
  lambdaFunctionPublicAccessProhibited,
  lambdaFunctionInsideVpc,
  lambdaFunctionConcurrency,
  lambdaFunctionDlq,
  lambdaFunctionEnvironmentCmk,
  lambdaFunctionUniqueRole,
];
