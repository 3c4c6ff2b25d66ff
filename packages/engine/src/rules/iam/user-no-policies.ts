import type { Resource } from '../../model/resource.js';
import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const iamUserNoPolicies = defineRule({
  id: 'iam-user-no-policies',
  title: 'IAM policies are attached to groups or roles, not to users',
  severity: 'low',
  rationale:
    'Policies attached to individual users are hard to review and are forgotten when people change roles; ' +
    'grant permissions through groups or roles (least privilege, workforce clearance).',
  remediation: {
    cloudformation:
      'Remove Policies and ManagedPolicyArns from the AWS::IAM::User and the user from AWS::IAM::Policy / ' +
      'ManagedPolicy Users; attach the policies to a group the user belongs to.',
    terraform:
      'Replace aws_iam_user_policy(_attachment) with aws_iam_group_policy_attachment and group membership.',
    console:
      'IAM → Users → user → Permissions → remove directly attached policies; add the user to a group instead.',
  },
  controls: ['least-privilege', 'access-control'],
  kinds: ['User', 'ManagedPolicy'],
  equivalents: { cdkNag: ['HIPAA.Security-IAMUserNoPolicies'], awsConfig: ['iam-user-no-policies-check'] },
  check(resource, { model }) {
    if (resource.kind === 'ManagedPolicy') {
      // Users of this input are judged on the user; here only users the input does not declare.
      const users = (resource as Resource<'ManagedPolicy'>).facts.users;
      if (isUnknown(users)) return cannotVerify(`Users is ${users.$unknown}`);
      const external = users.filter((u) => typeof u === 'string' || (isUnknown(u) && !u.refs?.length));
      const named = external.map((u) => (typeof u === 'string' ? u : 'a user known at deploy time'));
      return named.length > 0 ? fail(`the policy is attached to user(s) ${named.join(', ')}`) : pass;
    }
    const user = resource as Resource<'User'>;
    const attached = user.facts.managedPolicies;
    if (isUnknown(attached)) return cannotVerify(`ManagedPolicyArns is ${attached.$unknown}`);
    const parts: string[] = [];
    if (user.facts.inlinePolicies.length > 0) parts.push(`${user.facts.inlinePolicies.length} inline`);
    if (attached.length > 0) {
      const names = attached.map((a) =>
        typeof a === 'string' ? a : isUnknown(a) ? 'unknown' : (model.get(a.$ref)?.source.nativeId ?? a.$ref),
      );
      parts.push(`managed ${names.join(', ')}`);
    }
    return parts.length > 0 ? fail(`policies are attached to the user directly (${parts.join('; ')})`) : pass;
  },
});
