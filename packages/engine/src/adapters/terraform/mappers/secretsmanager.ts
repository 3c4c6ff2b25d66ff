import type { SecretFacts, SecretRotation } from '../../../model/kinds/secretsmanager.js';
import { isRef, isUnknown } from '../../../model/values.js';
import { at, list, num, str } from '../../read.js';
import { block, type TfMapperTable, type TfResourceView, tfFolded, tfMapping } from '../mapper.js';
import { referenceTo } from './kms.js';

function rotationOf(lambdaArn: unknown, rules: unknown): SecretRotation {
  const schedule = block(rules);
  return {
    hasRotationFunction: isUnknown(lambdaArn)
      ? lambdaArn
      : lambdaArn !== undefined && lambdaArn !== null && lambdaArn !== '',
    automaticallyAfterDays: num(at(schedule, 'automatically_after_days'), undefined),
    scheduleExpression: str(at(schedule, 'schedule_expression'), undefined),
  };
}

/**
 * Where the value of the secret's versions comes from. A literal `secret_string`/`secret_binary` is the
 * plaintext-secret fact (the value itself is never copied into the model, R-X-2); a value built from another
 * resource (`random_password.db.result`) or known only at apply is `deploy-time`.
 */
function valueSourceOf(versions: readonly TfResourceView[]): SecretFacts['valueSource'] {
  let source: SecretFacts['valueSource'] = 'none';
  for (const version of versions) {
    for (const attribute of ['secret_string', 'secret_binary', 'secret_string_wo']) {
      const value = version.values[attribute];
      if (value === undefined || value === null || value === '') continue;
      if (typeof value === 'string') return 'literal';
      if (isUnknown(value) || isRef(value)) source = 'deploy-time';
    }
  }
  return source;
}

/**
 * `aws_secretsmanager_secret` with its `aws_secretsmanager_secret_rotation` and `aws_secretsmanager_secret_version`
 * resources folded in by `secret_id`; provider v3's inline `rotation_lambda_arn`/`rotation_rules` honoured.
 */
const secret = tfMapping('Secret', (view, context): SecretFacts => {
  const v = view.values;
  const rotations = context
    .referrers('aws_secretsmanager_secret_rotation', 'secret_id')
    .map((rotation) => rotationOf(rotation.values.rotation_lambda_arn, rotation.values.rotation_rules));
  const inlineLambda = v.rotation_lambda_arn;
  if (inlineLambda !== undefined && inlineLambda !== null && inlineLambda !== '') {
    const rules = list(v.rotation_rules);
    rotations.push(rotationOf(inlineLambda, isUnknown(rules) ? rules : rules[0]));
  }
  return {
    name: str(v.name, undefined),
    kmsKey: referenceTo(
      v.kms_key_id,
      context,
      ['aws_kms_key', 'aws_kms_alias', 'aws_kms_replica_key'],
      'arn',
    ),
    rotations,
    valueSource: valueSourceOf(context.referrers('aws_secretsmanager_secret_version', 'secret_id')),
  };
});

export const secretsmanagerTfMappers: TfMapperTable = {
  aws_secretsmanager_secret: secret,
  aws_secretsmanager_secret_rotation: tfFolded('secret_id'),
  aws_secretsmanager_secret_version: tfFolded('secret_id'),
};
