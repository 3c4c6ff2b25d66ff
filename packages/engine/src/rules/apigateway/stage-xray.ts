import { isUnknown } from '../../model/values.js';
import { defineRule, skip } from '../rule.js';
import { judgeStages } from './stages.js';

export const apigwStageXray = defineRule({
  id: 'apigw-stage-xray',
  title: 'REST API stages have X-Ray tracing enabled',
  severity: 'low',
  rationale:
    'Tracing follows each request through the services that touch ePHI, supporting incident analysis and anomaly detection.',
  remediation: {
    cloudformation: 'Set TracingEnabled: true on AWS::ApiGateway::Stage (or StageDescription).',
    terraform: 'Set xray_tracing_enabled = true on aws_api_gateway_stage.',
    console: 'API Gateway → Stages → the stage → Logs and tracing → X-Ray tracing: on.',
  },
  controls: ['security-monitoring'],
  kinds: ['Api'],
  equivalents: { cdkNag: ['HIPAA.Security-APIGWXrayEnabled'], awsConfig: ['api-gw-xray-enabled'] },
  check(api) {
    if (api.facts.protocol !== 'rest') return skip;
    return judgeStages(api.facts.stages, (stage) =>
      isUnknown(stage.tracingEnabled)
        ? stage.tracingEnabled
        : stage.tracingEnabled
          ? undefined
          : 'TracingEnabled is false',
    );
  },
});
