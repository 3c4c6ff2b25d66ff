import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const lambdaFunctionEnvironmentCmk = defineRule({
  id: 'lambda-function-environment-cmk',
  title: 'Lambda environment variables are encrypted with a customer managed key',
  severity: 'medium',
  rationale:
    'With the AWS managed key anyone allowed to read the function configuration reads its environment; a CMK puts ' +
    'decryption behind a key policy you control and audit (R-INF-9, R-INF-2).',
  remediation: {
    cloudformation: 'Set KmsKeyArn: !GetAtt FunctionKey.Arn on the function (a CMK with rotation enabled).',
    terraform: 'Set kms_key_arn = aws_kms_key.lambda.arn on aws_lambda_function.',
    console:
      'Lambda → the function → Configuration → Environment variables → Edit → Encryption configuration → customer managed key.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Function'],
  check(fn) {
    const environment = fn.facts.environment;
    if (isUnknown(environment)) return cannotVerify(`environment is ${environment.$unknown}`);
    if (environment.length === 0) return skip;
    return fn.facts.environmentKey === undefined
      ? fail(
          `${environment.length} environment variable(s) encrypted only with the AWS managed key (no KmsKeyArn)`,
        )
      : pass;
  },
});
