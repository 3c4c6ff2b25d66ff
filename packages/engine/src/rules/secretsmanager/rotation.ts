import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const secretsmanagerRotation = defineRule({
  id: 'secretsmanager-rotation',
  title: 'Secrets Manager secrets rotate automatically',
  severity: 'medium',
  rationale:
    'A credential that never changes stays valid after it leaks or after the person who saw it leaves; ' +
    'automatic rotation bounds that window for database and API credentials guarding ePHI.',
  remediation: {
    cloudformation:
      'Add an AWS::SecretsManager::RotationSchedule with SecretId: !Ref Secret, a HostedRotationLambda (or ' +
      'RotationLambdaARN) and RotationRules: {AutomaticallyAfterDays: 30} (or ScheduleExpression).',
    terraform:
      'Add aws_secretsmanager_secret_rotation with rotation_lambda_arn and rotation_rules { automatically_after_days = 30 }.',
    console:
      'Secrets Manager → secret → Rotation → Edit rotation → Automatic rotation on, choose a schedule and function.',
  },
  controls: ['secrets-management', 'strong-authentication'],
  kinds: ['Secret'],
  equivalents: {
    cdkNag: ['HIPAA.Security-SecretsManagerRotationEnabled'],
    awsConfig: ['secretsmanager-rotation-enabled-check'],
  },
  check(secret) {
    const rotations = secret.facts.rotations;
    if (rotations.length === 0) return fail('no rotation schedule is attached to the secret');
    let reason = '';
    for (const rotation of rotations) {
      const fn = rotation.hasRotationFunction;
      if (isUnknown(fn)) return cannotVerify(`rotation function is ${fn.$unknown}`);
      const scheduled =
        rotation.automaticallyAfterDays !== undefined || rotation.scheduleExpression !== undefined;
      if (fn && scheduled) return pass;
      reason = !fn ? 'has no rotation function' : 'has no RotationRules schedule';
    }
    return fail(`the rotation schedule ${reason}: the secret is never rotated`);
  },
});
