import type { AnyRule } from '../rule.js';
import { iamGroupHasUsers } from './group-has-users.js';
import { iamNoAdministratorAccess } from './no-administrator-access.js';
import { iamNoInlinePolicy } from './no-inline-policy.js';
import { iamPolicyNoAdminAccess } from './policy-no-admin-access.js';
import { iamPolicyNoFullAccess } from './policy-no-full-access.js';
import { iamPolicyNoKmsDecryptAllKeys } from './policy-no-kms-decrypt-all-keys.js';
import { iamRoleTrustRestricted } from './role-trust-restricted.js';
import { iamUserAccessKey } from './user-access-key.js';
import { iamUserGroupMembership } from './user-group-membership.js';
import { iamUserNoPolicies } from './user-no-policies.js';

export const iamRules: readonly AnyRule[] = [
  iamPolicyNoAdminAccess,
  iamPolicyNoFullAccess,
  iamPolicyNoKmsDecryptAllKeys,
  iamNoAdministratorAccess,
  iamNoInlinePolicy,
  iamGroupHasUsers,
  iamUserGroupMembership,
  iamUserNoPolicies,
  iamUserAccessKey,
  iamRoleTrustRestricted,
];
