import type { ResourceRef, Val } from '../values.js';
import type { PolicyStatement } from './s3.js';

/** A policy embedded in or attached to one identity: an inline `Policies` entry or an `AWS::IAM::Policy`. */
export interface InlinePolicy {
  readonly name: Val<string> | undefined;
  /** `inline`: declared in the identity's own `Policies`; `policy-resource`: a separate policy resource naming it. */
  readonly origin: 'inline' | 'policy-resource';
  /** Native id of the separate policy resource (`AWS::IAM::Policy` logical id), for messages. */
  readonly nativeId?: string;
  readonly statements: Val<readonly PolicyStatement[]>;
}

interface IdentityFacts {
  readonly name: Val<string> | undefined;
  readonly inlinePolicies: readonly InlinePolicy[];
  /**
   * Managed policies attached: the identity's own `ManagedPolicyArns` plus customer managed policies of the
   * model that list it among their `Roles`/`Users`/`Groups` (as references).
   */
  readonly managedPolicies: Val<readonly Val<ResourceRef | string>[]>;
  readonly permissionsBoundary: Val<ResourceRef | string> | undefined;
}

export interface RoleFacts extends IdentityFacts {
  /** Trust policy (`AssumeRolePolicyDocument`). */
  readonly trustPolicy: Val<readonly PolicyStatement[]>;
  /** @default 3600 */
  readonly maxSessionDuration: Val<number>;
}

export interface UserFacts extends IdentityFacts {
  /** Groups the user belongs to (its `Groups` plus `AWS::IAM::UserToGroupAddition` naming it). */
  readonly groups: Val<readonly Val<ResourceRef | string>[]>;
  /** Console password (`LoginProfile`). MFA devices cannot be proven from a template. */
  readonly consoleAccess: Val<boolean>;
}

export interface GroupFacts extends IdentityFacts {
  /**
   * Members: users of the model whose `Groups` name the group (as references), and users named by
   * `AWS::IAM::UserToGroupAddition` (references or literal user names).
   */
  readonly members: readonly Val<ResourceRef | string>[];
}

export interface ManagedPolicyFacts {
  readonly name: Val<string> | undefined;
  readonly statements: Val<readonly PolicyStatement[]>;
  readonly roles: Val<readonly Val<ResourceRef | string>[]>;
  readonly users: Val<readonly Val<ResourceRef | string>[]>;
  readonly groups: Val<readonly Val<ResourceRef | string>[]>;
}

export interface AccessKeyFacts {
  readonly user: Val<ResourceRef | string>;
  /** @default Active */
  readonly status: Val<'Active' | 'Inactive'>;
}

/** AWS managed policies that grant every action on every resource. */
export const ADMIN_MANAGED_POLICY_ARNS: readonly RegExp[] = [
  /^arn:aws[-a-z]*:iam::aws:policy\/AdministratorAccess$/,
];

declare module '../resource.js' {
  interface KindFacts {
    Role: RoleFacts;
    User: UserFacts;
    Group: GroupFacts;
    ManagedPolicy: ManagedPolicyFacts;
    AccessKey: AccessKeyFacts;
  }
}
