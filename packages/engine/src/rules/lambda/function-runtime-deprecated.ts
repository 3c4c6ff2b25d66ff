import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { runtimeStatus } from './runtime-lifecycle.js';

export const lambdaFunctionRuntimeDeprecated = defineRule({
  id: 'lambda-function-runtime-deprecated',
  title: 'Lambda functions do not use a deprecated runtime',
  severity: 'high',
  rationale:
    'A deprecated runtime gets no security patches, so known vulnerabilities in the language runtime stay open ' +
    'in code that handles ePHI (R-ENG-7 version baseline; HIPAA protection from malicious software).',
  remediation: {
    cloudformation:
      'Set Runtime to a supported identifier (e.g. nodejs22.x or nodejs24.x, python3.13) and redeploy after testing.',
    terraform: 'Set runtime = "nodejs22.x" (or another supported runtime) on aws_lambda_function.',
    console: 'Lambda → the function → Code → Runtime settings → Edit → choose a supported runtime.',
  },
  controls: ['vulnerability-management', 'configuration-management'],
  kinds: ['Function'],
  equivalents: { awsConfig: ['lambda-function-settings-check'] },
  check(fn) {
    const runtime = fn.facts.runtime;
    if (runtime === undefined) return skip; // container image: the image scan judges its runtime
    if (isUnknown(runtime)) return cannotVerify(`runtime is ${runtime.$unknown}`);
    const status = runtimeStatus(runtime);
    if (status.status === 'deprecated')
      return fail(`runtime ${runtime} was deprecated on ${status.date} and receives no security patches`);
    // An unlisted runtime (newer than the data file) is lambda-function-runtime-deprecation-soon's low finding.
    return pass;
  },
});
