import type { TopicFacts } from '../../../model/kinds/sns.js';
import { bool, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping, folded } from '../mapper.js';
import { joinedPolicy } from './sqs.js';

const topic = cfnMapping('Topic', (view, context): TopicFacts => {
  const p = view.properties;
  return {
    name: str(p.TopicName, undefined),
    fifo: bool(p.FifoTopic, false),
    kmsKey: refOrString(p.KmsMasterKeyId),
    policy: joinedPolicy(context, [
      ['AWS::SNS::TopicPolicy', 'Topics'],
      ['AWS::SNS::TopicInlinePolicy', 'TopicArn'],
    ]),
  };
});

export const snsCfnMappers: CfnMapperTable = {
  'AWS::SNS::Topic': topic,
  'AWS::SNS::TopicPolicy': folded('Topics'),
  'AWS::SNS::TopicInlinePolicy': folded('TopicArn'),
};
