import { defineRule, fail, pass } from '../rule.js';

export const lambdaFunctionDlq = defineRule({
  id: 'lambda-function-dlq',
  title: 'Lambda functions have a dead-letter queue',
  severity: 'medium',
  rationale:
    'Failed asynchronous invocations are otherwise dropped after retries; a dead-letter queue keeps the events (possibly ePHI updates) for replay, protecting data integrity.',
  remediation: {
    cloudformation:
      'Set DeadLetterConfig: { TargetArn: !GetAtt Dlq.Arn } (an SQS queue or SNS topic encrypted with KMS).',
    terraform: 'Add dead_letter_config { target_arn = aws_sqs_queue.dlq.arn } to aws_lambda_function.',
    console:
      'Lambda → the function → Configuration → Asynchronous invocation → Edit → Dead-letter queue service.',
  },
  controls: ['data-integrity', 'incident-response'],
  kinds: ['Function'],
  equivalents: { cdkNag: ['HIPAA.Security-LambdaDLQ'], awsConfig: ['lambda-dlq-check'] },
  check(fn) {
    return fn.facts.deadLetterTarget === undefined ? fail('no DeadLetterConfig.TargetArn') : pass;
  },
});
