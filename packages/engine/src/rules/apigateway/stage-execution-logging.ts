import { isUnknown } from '../../model/values.js';
import { defineRule, skip } from '../rule.js';
import { judgeStages } from './stages.js';

export const apigwStageExecutionLogging = defineRule({
  id: 'apigw-stage-execution-logging',
  title: 'API stages have execution logging at ERROR or INFO',
  severity: 'medium',
  rationale:
    'Execution logs show authorizer decisions, integration errors and throttling per request: needed to investigate failed or abusive access to ePHI APIs.',
  remediation: {
    cloudformation:
      'Add MethodSettings: [{ HttpMethod: "*", ResourcePath: "/*", LoggingLevel: ERROR }] (DataTraceEnabled false: it would log payloads with ePHI).',
    terraform:
      'aws_api_gateway_method_settings { method_path = "*/*", settings { logging_level = "ERROR" } }.',
    console:
      'API Gateway → Stages → the stage → Logs and tracing → CloudWatch logs: Errors only (or errors and info).',
  },
  controls: ['audit-logging'],
  kinds: ['Api'],
  equivalents: {
    cdkNag: ['HIPAA.Security-APIGWExecutionLoggingEnabled'],
    awsConfig: ['api-gw-execution-logging-enabled'],
  },
  check(api) {
    if (api.facts.protocol === 'http') return skip; // HTTP APIs have access logs only
    return judgeStages(api.facts.stages, (stage) => {
      const level = stage.executionLoggingLevel;
      if (isUnknown(level)) return level;
      return level === 'ERROR' || level === 'INFO' ? undefined : `execution logging level is ${level}`;
    });
  },
});
