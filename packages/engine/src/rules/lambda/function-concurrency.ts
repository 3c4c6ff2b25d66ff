import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const lambdaFunctionConcurrency = defineRule({
  id: 'lambda-function-concurrency',
  title: 'Lambda functions reserve concurrency',
  severity: 'low',
  rationale:
    'Reserved concurrency caps how far a function (and the database behind it) can be driven by a flood, and ' +
    'guarantees capacity for critical ePHI workflows when other functions spike (R-INF-9).',
  remediation: {
    cloudformation: 'Set ReservedConcurrentExecutions to a positive limit sized for the function.',
    terraform: 'Set reserved_concurrent_executions to a positive number on aws_lambda_function.',
    console: 'Lambda → the function → Configuration → Concurrency → Edit → Reserve concurrency.',
  },
  controls: ['capacity-management', 'high-availability'],
  kinds: ['Function'],
  equivalents: { cdkNag: ['HIPAA.Security-LambdaConcurrency'], awsConfig: ['lambda-concurrency-check'] },
  check(fn) {
    const reserved = fn.facts.reservedConcurrency;
    if (reserved === undefined) return fail('no reserved concurrency (ReservedConcurrentExecutions not set)');
    if (isUnknown(reserved)) return cannotVerify(`ReservedConcurrentExecutions is ${reserved.$unknown}`);
    return reserved > 0
      ? pass
      : fail('ReservedConcurrentExecutions is 0: the function is throttled entirely');
  },
});
