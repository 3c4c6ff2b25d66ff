import type {
  AccessKeyFacts,
  GroupFacts,
  InlinePolicy,
  ManagedPolicyFacts,
  RoleFacts,
  UserFacts,
} from '../../../model/kinds/iam.js';
import { isRef, isUnknown, type ResourceRef, unknown, type Val } from '../../../model/values.js';
import { policyStatements } from '../../policy.js';
import { at, list, num, refOrString, str } from '../../read.js';
import {
  type CfnMapContext,
  type CfnMapperTable,
  type CfnResourceView,
  cfnMapping,
  folded,
} from '../mapper.js';

function refList(value: unknown): Val<readonly Val<ResourceRef | string>[]> {
  const items = list(value);
  if (isUnknown(items)) return items;
  return items.map((item) => refOrString(item) ?? unknown('empty list item'));
}

/** Inline `Policies` of the identity plus the separate policy resources that name it. */
function inlinePoliciesOf(
  view: CfnResourceView,
  context: CfnMapContext,
  listProperty: 'Roles' | 'Users' | 'Groups',
  singleType: string,
  singleProperty: string,
): InlinePolicy[] {
  const policies: InlinePolicy[] = [];
  const inline = list(view.properties.Policies);
  if (isUnknown(inline)) {
    policies.push({ name: undefined, origin: 'inline', statements: inline });
  } else {
    for (const policy of inline) {
      policies.push({
        name: str(at(policy, 'PolicyName'), undefined),
        origin: 'inline',
        statements: policyStatements(at(policy, 'PolicyDocument')),
      });
    }
  }
  const separate = [
    ...context.referrers('AWS::IAM::Policy', listProperty),
    ...context.referrers(singleType, singleProperty),
  ];
  for (const policy of separate) {
    policies.push({
      name: str(policy.properties.PolicyName, undefined),
      origin: 'policy-resource',
      nativeId: policy.logicalId,
      statements: policyStatements(policy.properties.PolicyDocument),
    });
  }
  return policies;
}

/** `ManagedPolicyArns` plus customer managed policies of the template that list the identity. */
function managedPoliciesOf(
  view: CfnResourceView,
  context: CfnMapContext,
  listProperty: 'Roles' | 'Users' | 'Groups',
): IdentityManaged {
  const own = refList(view.properties.ManagedPolicyArns);
  const attaching = context
    .referrers('AWS::IAM::ManagedPolicy', listProperty)
    .map((policy): ResourceRef => ({ $ref: policy.modelId }));
  if (isUnknown(own)) return own;
  const ownIds = new Set(own.filter(isRef).map((ref) => ref.$ref));
  return [...own, ...attaching.filter((ref) => !ownIds.has(ref.$ref))];
}
type IdentityManaged = Val<readonly Val<ResourceRef | string>[]>;

const role = cfnMapping('Role', (view, context): RoleFacts => {
  const p = view.properties;
  return {
    name: str(p.RoleName, undefined),
    inlinePolicies: inlinePoliciesOf(view, context, 'Roles', 'AWS::IAM::RolePolicy', 'RoleName'),
    managedPolicies: managedPoliciesOf(view, context, 'Roles'),
    permissionsBoundary: refOrString(p.PermissionsBoundary),
    trustPolicy: policyStatements(p.AssumeRolePolicyDocument),
    maxSessionDuration: num(p.MaxSessionDuration, 3600),
  };
});

const user = cfnMapping('User', (view, context): UserFacts => {
  const p = view.properties;
  const groups = refList(p.Groups);
  const additions = context
    .referrers('AWS::IAM::UserToGroupAddition', 'Users')
    .map((addition) => refOrString(addition.properties.GroupName) ?? unknown('GroupName not set'));
  const loginProfile = p.LoginProfile;
  return {
    name: str(p.UserName, undefined),
    inlinePolicies: inlinePoliciesOf(view, context, 'Users', 'AWS::IAM::UserPolicy', 'UserName'),
    managedPolicies: managedPoliciesOf(view, context, 'Users'),
    permissionsBoundary: refOrString(p.PermissionsBoundary),
    groups: isUnknown(groups) ? groups : [...groups, ...additions],
    consoleAccess: isUnknown(loginProfile)
      ? loginProfile
      : loginProfile !== undefined && loginProfile !== null,
  };
});

const group = cfnMapping('Group', (view, context): GroupFacts => {
  const p = view.properties;
  const name = str(p.GroupName, undefined);
  const members: Val<ResourceRef | string>[] = [];
  // Users name their groups (by reference or literal name): index them once per input.
  const usersByGroup = context.memo('iam/users-by-group', () => {
    const index = new Map<string, CfnResourceView[]>();
    for (const candidate of context.ofType('AWS::IAM::User')) {
      const groups = list(candidate.properties.Groups);
      if (isUnknown(groups)) continue;
      for (const g of groups) {
        const key = isRef(g) ? g.$ref : typeof g === 'string' ? `=${g}` : undefined;
        if (key === undefined) continue;
        const entry = index.get(key);
        if (entry) entry.push(candidate);
        else index.set(key, [candidate]);
      }
    }
    return index;
  });
  const memberViews = new Set([
    ...(usersByGroup.get(view.modelId) ?? []),
    ...(typeof name === 'string' ? (usersByGroup.get(`=${name}`) ?? []) : []),
  ]);
  for (const candidate of memberViews) members.push({ $ref: candidate.modelId });
  for (const addition of context.ofType('AWS::IAM::UserToGroupAddition')) {
    const target = addition.properties.GroupName;
    const names =
      (isRef(target) && target.$ref === view.modelId) || (typeof name === 'string' && target === name);
    if (!names) continue;
    const users = refList(addition.properties.Users);
    if (isUnknown(users)) members.push(users);
    else members.push(...users);
  }
  return {
    name,
    inlinePolicies: inlinePoliciesOf(view, context, 'Groups', 'AWS::IAM::GroupPolicy', 'GroupName'),
    managedPolicies: managedPoliciesOf(view, context, 'Groups'),
    permissionsBoundary: undefined,
    members,
  };
});

const managedPolicy = cfnMapping('ManagedPolicy', (view): ManagedPolicyFacts => {
  const p = view.properties;
  return {
    name: str(p.ManagedPolicyName, undefined),
    statements: policyStatements(p.PolicyDocument),
    roles: refList(p.Roles),
    users: refList(p.Users),
    groups: refList(p.Groups),
  };
});

const accessKey = cfnMapping('AccessKey', (view): AccessKeyFacts => {
  const p = view.properties;
  const status = str(p.Status, 'Active');
  return {
    user: refOrString(p.UserName) ?? unknown('UserName not set'),
    status: isUnknown(status) ? status : status === 'Inactive' ? 'Inactive' : 'Active',
  };
});

export const iamCfnMappers: CfnMapperTable = {
  'AWS::IAM::Role': role,
  'AWS::IAM::User': user,
  'AWS::IAM::Group': group,
  'AWS::IAM::ManagedPolicy': managedPolicy,
  'AWS::IAM::AccessKey': accessKey,
  // An AWS::IAM::Policy may name roles, users and groups at once; each identity pulls it in through
  // `referrers`, and its statements are judged on every identity it is attached to.
  'AWS::IAM::Policy': folded('Roles'),
  'AWS::IAM::RolePolicy': folded('RoleName'),
  'AWS::IAM::UserPolicy': folded('UserName'),
  'AWS::IAM::GroupPolicy': folded('GroupName'),
};
