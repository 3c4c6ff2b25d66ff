import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { DEPRECATION_WARNING_DAYS, runtimeStatus } from './runtime-lifecycle.js';

export const lambdaFunctionRuntimeDeprecationSoon = defineRule({
  id: 'lambda-function-runtime-deprecation-soon',
  title: 'Lambda functions do not use a runtime deprecated within 180 days',
  severity: 'low',
  rationale:
    'Upgrading a runtime takes testing time; a runtime within six months of deprecation should be scheduled for ' +
    'upgrade before it stops receiving security patches (R-ENG-7).',
  remediation: {
    cloudformation: 'Plan the move of Runtime to the newest supported version of the language.',
    terraform: 'Plan the move of runtime on aws_lambda_function to the newest supported version.',
    console: 'Lambda → the function → Runtime settings → Edit → choose the newest runtime of the language.',
  },
  controls: ['vulnerability-management'],
  kinds: ['Function'],
  check(fn) {
    const runtime = fn.facts.runtime;
    // Unknown and deprecated runtimes are lambda-function-runtime-deprecated's (high) findings.
    if (runtime === undefined || isUnknown(runtime)) return skip;
    const status = runtimeStatus(runtime);
    if (status.status === 'unlisted')
      return cannotVerify(
        `runtime ${runtime} is not in the dated Lambda runtime list (data/lambda-runtimes.yaml); update the list`,
      );
    if (status.status !== 'deprecating-soon') return status.status === 'supported' ? pass : skip;
    return fail(
      `runtime ${runtime} is deprecated on ${status.date}, in ${status.days} days (warning from ${DEPRECATION_WARNING_DAYS})`,
    );
  },
});
