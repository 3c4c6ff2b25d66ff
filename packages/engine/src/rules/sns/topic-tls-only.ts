import { isUnknown } from '../../model/values.js';
import { deniesInsecureTransport } from '../iam/statements.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const snsTopicTlsOnly = defineRule({
  id: 'sns-topic-tls-only',
  title: 'SNS topic policies deny publishing without TLS',
  severity: 'low',
  rationale:
    'A Deny on aws:SecureTransport=false guarantees messages (which may carry ePHI) are never published over ' +
    'plain HTTP (encryption in transit).',
  remediation: {
    cloudformation:
      'Add an AWS::SNS::TopicPolicy with {Effect: Deny, Principal: "*", Action: "sns:Publish", Resource: !Ref Topic, ' +
      'Condition: {Bool: {aws:SecureTransport: "false"}}}.',
    terraform: 'Add an aws_sns_topic_policy with a Deny on sns:Publish when aws:SecureTransport is false.',
    console:
      'SNS → topic → Edit → Access policy → add a Deny statement conditioned on aws:SecureTransport = false.',
  },
  controls: ['encryption-in-transit'],
  kinds: ['Topic'],
  check(topic) {
    const denies = deniesInsecureTransport(topic.facts.policy, 'sns:Publish');
    if (isUnknown(denies)) return cannotVerify(`topic policy is ${denies.$unknown}`);
    return denies
      ? pass
      : fail('no topic policy statement denies sns:Publish without TLS (aws:SecureTransport = false)');
  },
});
