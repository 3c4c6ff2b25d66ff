import type { ResourceRef, Val } from '../values.js';

export interface SecretRotation {
  /** A rotation function is attached (`RotationLambdaArn` or `HostedRotationLambda`). */
  readonly hasRotationFunction: Val<boolean>;
  readonly automaticallyAfterDays: Val<number> | undefined;
  readonly scheduleExpression: Val<string> | undefined;
}

export interface SecretFacts {
  readonly name: Val<string> | undefined;
  /** Customer managed key; `undefined` or `alias/aws/secretsmanager`: the AWS managed key. */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /** Rotation schedules folded from `AWS::SecretsManager::RotationSchedule` (directly or through a target attachment). */
  readonly rotations: readonly SecretRotation[];
  /**
   * Where the secret value comes from. `literal`: a plaintext `SecretString` written in the template (the value
   * itself is never kept in the model, R-X-2); `dynamic-reference`: `{{resolve:…}}`; `generated`:
   * `GenerateSecretString`; `deploy-time`: resolved at deploy from a parameter without default, an import or
   * another resource's attribute (not written in the template); `none`: set later, outside the template.
   */
  readonly valueSource: 'literal' | 'dynamic-reference' | 'generated' | 'deploy-time' | 'none';
}

/** True when a KMS key fact names the AWS managed key of Secrets Manager. */
export function isAwsManagedSecretsKey(key: string): boolean {
  return /(^|:|\/)alias\/aws\/secretsmanager$/.test(key) || key === 'aws/secretsmanager';
}

declare module '../resource.js' {
  interface KindFacts {
    Secret: SecretFacts;
  }
}
