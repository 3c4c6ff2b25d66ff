import { isUnknown } from '../../model/values.js';
import { defineRule } from '../rule.js';
import { judgeStages } from './stages.js';

export const apigwStageAccessLogging = defineRule({
  id: 'apigw-stage-access-logging',
  title: 'API stages write access logs',
  severity: 'high',
  rationale:
    'Access logs record who called which endpoint, when and with what result: the audit trail of API access to ePHI (R-INF-5).',
  remediation: {
    cloudformation:
      'Set AccessLogSetting { DestinationArn: !GetAtt ApiLogs.Arn, Format: … } (v2: AccessLogSettings) on the stage.',
    terraform:
      'Add access_log_settings { destination_arn = aws_cloudwatch_log_group.api.arn, format = … } to the stage.',
    console: 'API Gateway → Stages → the stage → Logs and tracing → Custom access logging → a log group ARN.',
  },
  controls: ['audit-logging'],
  kinds: ['Api'],
  check(api) {
    return judgeStages(api.facts.stages, (stage) =>
      isUnknown(stage.accessLogging)
        ? stage.accessLogging
        : stage.accessLogging
          ? undefined
          : 'no access log destination',
    );
  },
});
