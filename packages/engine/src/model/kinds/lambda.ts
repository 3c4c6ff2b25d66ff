import type { ResourceRef, Val } from '../values.js';

/** An environment variable; its value is kept for secret detection but never printed (R-X-2). */
export interface EnvironmentVariable {
  readonly name: string;
  readonly value: Val<string | ResourceRef>;
  /**
   * Set when the platform resolves the value from a secret store at run time (ECS `Secrets`, CodeBuild
   * `SECRETS_MANAGER`/`PARAMETER_STORE`): the value is then a reference, not a plaintext secret.
   */
  readonly fromSecretStore?: boolean;
  /**
   * The secret store a CloudFormation dynamic reference in the value reads at deploy time
   * (`{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`), so that the resource's configuration holds the
   * resolved secret; unknown when only some of the values it can take hold one; absent when it holds none, and
   * for inputs other than CloudFormation (Terraform passes `{{resolve:…}}` text on as it is).
   */
  readonly deployTimeSecret?: Val<DeployTimeSecretStore>;
}

export type DeployTimeSecretStore = 'secretsmanager' | 'ssm-secure';

export interface FunctionPermissionFacts {
  /** Native id of the permission (or function URL), for messages. */
  readonly name: string;
  /** `*`, an account, or a service principal (`s3.amazonaws.com`). */
  readonly principal: Val<string>;
  readonly sourceArn: boolean;
  readonly sourceAccount: boolean;
  readonly principalOrgId: boolean;
  /** For a function URL (`AWS::Lambda::Url`) or `lambda:InvokeFunctionUrl` permission: `NONE` or `AWS_IAM`. */
  readonly functionUrlAuthType: Val<string> | undefined;
}

export interface FunctionFacts {
  readonly name: Val<string> | undefined;
  /** Runtime identifier (`nodejs22.x`); `undefined` for container images. */
  readonly runtime: Val<string> | undefined;
  readonly packageType: Val<'Zip' | 'Image'>;
  readonly role: Val<ResourceRef | string> | undefined;
  /** `ReservedConcurrentExecutions`; `undefined` when not reserved. */
  readonly reservedConcurrency: Val<number> | undefined;
  readonly deadLetterTarget: Val<ResourceRef | string> | undefined;
  /** VPC attachment; `undefined` when the function is not in a VPC. */
  readonly vpc:
    | Val<{ readonly subnetCount: Val<number>; readonly securityGroupCount: Val<number> }>
    | undefined;
  /** CMK for environment variables (`KmsKeyArn`); `undefined`: the AWS managed key. */
  readonly environmentKey: Val<ResourceRef | string> | undefined;
  readonly environment: Val<readonly EnvironmentVariable[]>;
  /** Resource-based permissions and function URLs. */
  readonly permissions: readonly FunctionPermissionFacts[];
  /** Model id of the log group named `/aws/lambda/<function name>`, if declared. */
  readonly logGroup: string | undefined;
}

declare module '../resource.js' {
  interface KindFacts {
    Function: FunctionFacts;
  }
}
