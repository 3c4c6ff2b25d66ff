import type { SecretFacts, SecretRotation } from '../../../model/kinds/secretsmanager.js';
import { isUnknown } from '../../../model/values.js';
import { at, num, refOrString, str } from '../../read.js';
import { type CfnMapperTable, type CfnResourceView, cfnMapping, folded } from '../mapper.js';

function rotationOf(schedule: CfnResourceView): SecretRotation {
  const p = schedule.properties;
  // The CloudFormation property is RotationLambdaARN; RotationLambdaArn is accepted too (templates in the wild use both).
  const fn = p.RotationLambdaARN ?? p.RotationLambdaArn ?? p.HostedRotationLambda;
  return {
    hasRotationFunction: isUnknown(fn) ? fn : fn !== undefined && fn !== null,
    automaticallyAfterDays: num(at(p, 'RotationRules.AutomaticallyAfterDays'), undefined),
    scheduleExpression: str(at(p, 'RotationRules.ScheduleExpression'), undefined),
  };
}

const secret = cfnMapping('Secret', (view, context): SecretFacts => {
  const p = view.properties;
  // A rotation schedule may name the secret directly or through its target attachment.
  const schedules = [
    ...context.referrers('AWS::SecretsManager::RotationSchedule', 'SecretId'),
    ...context
      .referrers('AWS::SecretsManager::SecretTargetAttachment', 'SecretId')
      .flatMap((attachment) =>
        context.referrers('AWS::SecretsManager::RotationSchedule', 'SecretId', attachment.modelId),
      ),
  ];
  const value = p.SecretString;
  // The value itself is never copied into the model (R-X-2): only where it comes from.
  const valueSource: SecretFacts['valueSource'] =
    value === undefined || value === null
      ? p.GenerateSecretString !== undefined
        ? 'generated'
        : 'none'
      : isUnknown(value)
        ? 'deploy-time'
        : typeof value === 'string' && value.includes('{{resolve:')
          ? 'dynamic-reference'
          : 'literal';
  return {
    name: str(p.Name, undefined),
    kmsKey: refOrString(p.KmsKeyId),
    rotations: schedules.map(rotationOf),
    valueSource,
  };
});

export const secretsmanagerCfnMappers: CfnMapperTable = {
  'AWS::SecretsManager::Secret': secret,
  'AWS::SecretsManager::RotationSchedule': folded('SecretId'),
};
