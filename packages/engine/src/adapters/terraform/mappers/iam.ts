import type {
  AccessKeyFacts,
  GroupFacts,
  InlinePolicy,
  ManagedPolicyFacts,
  RoleFacts,
  UserFacts,
} from '../../../model/kinds/iam.js';
import { isRef, isUnknown, type ResourceRef, unknown, type Val } from '../../../model/values.js';
import { at, list, num, refOrString, str } from '../../read.js';
import {
  type TfMapContext,
  type TfMapperTable,
  type TfResourceView,
  tfFolded,
  tfMapping,
} from '../mapper.js';
import { documentStatements, referenceTo, unlessComputed } from './kms.js';

type RefList = Val<readonly Val<ResourceRef | string>[]>;

function refList(value: unknown): RefList {
  const items = list(value);
  if (isUnknown(items)) return items;
  return items.map((item) => refOrString(item) ?? unknown('empty list item'));
}

/** Several lists merged: known items of all; unknown only when nothing is known and one list is unknown. */
function mergeLists(lists: readonly RefList[]): RefList {
  const out: Val<ResourceRef | string>[] = [];
  let unresolved: RefList | undefined;
  const seen = new Set<string>();
  for (const items of lists) {
    if (isUnknown(items)) {
      unresolved ??= items;
      continue;
    }
    for (const item of items) {
      const key = isRef(item) ? `#${item.$ref}` : typeof item === 'string' ? `=${item}` : undefined;
      if (key !== undefined) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      out.push(item);
    }
  }
  return out.length === 0 && unresolved ? unresolved : out;
}

/** A policy ARN: a customer managed policy of the input (reference) or an AWS managed policy ARN. */
function policyArnOf(value: unknown, context: TfMapContext): Val<ResourceRef | string> {
  return referenceTo(value, context, ['aws_iam_policy'], 'arn') ?? unknown('policy_arn not set');
}

/**
 * Inline policies: the identity's own `inline_policy` blocks (roles; a plan shows the attribute as "known
 * after apply" when none is configured) plus the separate `aws_iam_<identity>_policy` resources naming it.
 */
function inlinePoliciesOf(
  view: TfResourceView,
  context: TfMapContext,
  policyType: string,
  attribute: string,
): InlinePolicy[] {
  const policies: InlinePolicy[] = [];
  const own = list(unlessComputed(view.values.inline_policy));
  if (isUnknown(own)) {
    policies.push({ name: undefined, origin: 'inline', statements: own });
  } else {
    for (const block of own) {
      const name = at(block, 'name');
      const document = at(block, 'policy');
      // An empty `inline_policy {}` block declares "no inline policies" (Terraform removes them).
      if ((name === undefined || name === null || name === '') && (document === undefined || document === ''))
        continue;
      policies.push({
        name: str(name, undefined),
        origin: 'inline',
        statements: documentStatements(document, 'inline policy'),
      });
    }
  }
  for (const policy of context.referrers(policyType, attribute)) {
    policies.push({
      name: str(unlessComputed(policy.values.name), undefined),
      origin: 'policy-resource',
      nativeId: policy.address,
      statements: documentStatements(policy.values.policy, `policy ${policy.address}`),
    });
  }
  return policies;
}

/**
 * Managed policies attached: the role's own `managed_policy_arns`, the `aws_iam_<identity>_policy_attachment`
 * resources naming it, and `aws_iam_policy_attachment` resources listing it among their roles/users/groups.
 */
function managedPoliciesOf(
  view: TfResourceView,
  context: TfMapContext,
  attachmentType: string,
  attribute: string,
  sharedAttribute: 'roles' | 'users' | 'groups',
): RefList {
  const own = refList(unlessComputed(view.values.managed_policy_arns));
  const attached = [
    ...context.referrers(attachmentType, attribute),
    ...context.referrers('aws_iam_policy_attachment', sharedAttribute),
  ].map((attachment) => policyArnOf(attachment.values.policy_arn, context));
  if (isUnknown(own)) return own;
  return mergeLists([own, attached]);
}

const role = tfMapping('Role', (view, context): RoleFacts => {
  const v = view.values;
  return {
    name: str(unlessComputed(v.name), undefined),
    inlinePolicies: inlinePoliciesOf(view, context, 'aws_iam_role_policy', 'role'),
    managedPolicies: managedPoliciesOf(view, context, 'aws_iam_role_policy_attachment', 'role', 'roles'),
    permissionsBoundary: referenceTo(v.permissions_boundary, context, ['aws_iam_policy'], 'arn'),
    trustPolicy: documentStatements(v.assume_role_policy, 'trust policy'),
    maxSessionDuration: num(v.max_session_duration, 3600),
  };
});

const user = tfMapping('User', (view, context): UserFacts => {
  const v = view.values;
  const groups = mergeLists([
    ...context
      .referrers('aws_iam_user_group_membership', 'user')
      .map((membership) => refList(membership.values.groups)),
    context
      .referrers('aws_iam_group_membership', 'users')
      .map((membership) => refOrString(membership.values.group) ?? unknown('group not set')),
  ]);
  return {
    name: str(v.name, undefined),
    inlinePolicies: inlinePoliciesOf(view, context, 'aws_iam_user_policy', 'user'),
    managedPolicies: managedPoliciesOf(view, context, 'aws_iam_user_policy_attachment', 'user', 'users'),
    permissionsBoundary: referenceTo(v.permissions_boundary, context, ['aws_iam_policy'], 'arn'),
    groups,
    // A console password is an `aws_iam_user_login_profile`; MFA devices cannot be proven from configuration.
    consoleAccess: context.referrers('aws_iam_user_login_profile', 'user').length > 0,
  };
});

const group = tfMapping('Group', (view, context): GroupFacts => {
  const members: Val<ResourceRef | string>[] = [];
  for (const membership of context.referrers('aws_iam_group_membership', 'group')) {
    const users = refList(membership.values.users);
    if (isUnknown(users)) members.push(users);
    else members.push(...users);
  }
  for (const membership of context.referrers('aws_iam_user_group_membership', 'groups')) {
    members.push(refOrString(membership.values.user) ?? unknown('user not set'));
  }
  return {
    name: str(view.values.name, undefined),
    inlinePolicies: inlinePoliciesOf(view, context, 'aws_iam_group_policy', 'group'),
    managedPolicies: managedPoliciesOf(view, context, 'aws_iam_group_policy_attachment', 'group', 'groups'),
    permissionsBoundary: undefined,
    members,
  };
});

/**
 * An identity named by a literal name that this input declares becomes a reference to it, so a rule judges the
 * attachment on the identity (as it would for `role = aws_iam_role.app.name`) rather than as an outside one.
 */
function identityOf(value: unknown, type: string, context: TfMapContext): Val<ResourceRef | string> {
  if (typeof value === 'string') {
    const byName = context.memo(`iam/${type}-by-name`, () => {
      const index = new Map<string, string>();
      for (const candidate of context.ofType(type)) {
        const name = candidate.values.name;
        if (typeof name === 'string') index.set(name, candidate.modelId);
      }
      return index;
    });
    const id = byName.get(value);
    if (id) return { $ref: id, attribute: 'name' };
  }
  return refOrString(value) ?? unknown(`${type.replace('aws_iam_', '')} not set`);
}

const managedPolicy = tfMapping('ManagedPolicy', (view, context): ManagedPolicyFacts => {
  const v = view.values;
  const shared = context.referrers('aws_iam_policy_attachment', 'policy_arn');
  const attached = (single: string, attribute: string, sharedAttribute: string, type: string): RefList => {
    const lists: RefList[] = [
      context.referrers(single, 'policy_arn').map((a) => identityOf(a.values[attribute], type, context)),
    ];
    for (const attachment of shared) {
      const items = list(attachment.values[sharedAttribute]);
      lists.push(isUnknown(items) ? items : items.map((item) => identityOf(item, type, context)));
    }
    return mergeLists(lists);
  };
  return {
    name: str(unlessComputed(v.name), undefined),
    statements: documentStatements(v.policy, 'policy document'),
    roles: attached('aws_iam_role_policy_attachment', 'role', 'roles', 'aws_iam_role'),
    users: attached('aws_iam_user_policy_attachment', 'user', 'users', 'aws_iam_user'),
    groups: attached('aws_iam_group_policy_attachment', 'group', 'groups', 'aws_iam_group'),
  };
});

const accessKey = tfMapping('AccessKey', (view): AccessKeyFacts => {
  const v = view.values;
  const status = str(v.status, 'Active');
  return {
    user: refOrString(v.user) ?? unknown('user not set'),
    status: isUnknown(status) ? status : status === 'Inactive' ? 'Inactive' : 'Active',
  };
});

export const iamTfMappers: TfMapperTable = {
  aws_iam_role: role,
  aws_iam_user: user,
  aws_iam_group: group,
  aws_iam_policy: managedPolicy,
  aws_iam_access_key: accessKey,
  aws_iam_role_policy: tfFolded('role'),
  aws_iam_user_policy: tfFolded('user'),
  aws_iam_group_policy: tfFolded('group'),
  aws_iam_role_policy_attachment: tfFolded('role'),
  aws_iam_user_policy_attachment: tfFolded('user'),
  aws_iam_group_policy_attachment: tfFolded('group'),
  // Names roles, users and groups at once; each identity (and the policy) pulls it in through `referrers`.
  aws_iam_policy_attachment: tfFolded('policy_arn'),
  aws_iam_user_group_membership: tfFolded('user'),
  aws_iam_group_membership: tfFolded('group'),
  aws_iam_user_login_profile: tfFolded('user'),
};
