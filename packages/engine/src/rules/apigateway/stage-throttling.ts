import { isUnknown } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { judgeStages } from './stages.js';

export const apigwStageThrottling = defineRule({
  id: 'apigw-stage-throttling',
  title: 'API stages set a throttling rate limit',
  severity: 'medium',
  rationale:
    'R-INF-5: stage or usage-plan throttling bounds how hard one client can drive the API and the ePHI stores behind it; the account-wide default (10,000 rps) is no protection.',
  remediation: {
    cloudformation:
      'Add MethodSettings [{ HttpMethod: "*", ResourcePath: "/*", ThrottlingRateLimit, ThrottlingBurstLimit }] (v2: DefaultRouteSettings), or a UsagePlan with Throttle.',
    terraform:
      'aws_api_gateway_method_settings { settings { throttling_rate_limit, throttling_burst_limit } } (v2: default_route_settings).',
    console: 'API Gateway → Stages → the stage → Stage settings → Throttling → set rate and burst.',
  },
  controls: ['capacity-management', 'web-application-protection'],
  kinds: ['Api'],
  check(api) {
    return judgeStages(api.facts.stages, (stage) =>
      isUnknown(stage.throttling)
        ? stage.throttling
        : stage.throttling
          ? undefined
          : 'no stage-wide ThrottlingRateLimit or usage plan throttle',
    );
  },
});
