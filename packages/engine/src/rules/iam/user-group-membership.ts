import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const iamUserGroupMembership = defineRule({
  id: 'iam-user-group-membership',
  title: 'IAM users belong to at least one group',
  severity: 'low',
  rationale:
    'Permissions granted through groups by job function are reviewed and revoked in one place; a user outside ' +
    'every group tends to accumulate ad-hoc permissions (access control, workforce clearance).',
  remediation: {
    cloudformation: 'Set Groups: [!Ref ClinicianGroup] on the AWS::IAM::User.',
    terraform: 'Add aws_iam_user_group_membership for the user.',
    console: 'IAM → Users → user → Groups → Add user to groups.',
  },
  controls: ['access-control', 'unique-user-identification'],
  kinds: ['User'],
  equivalents: {
    cdkNag: ['HIPAA.Security-IAMUserGroupMembership'],
    awsConfig: ['iam-user-group-membership-check'],
  },
  check(user) {
    const groups = user.facts.groups;
    if (isUnknown(groups)) return cannotVerify(`Groups is ${groups.$unknown}`);
    return groups.length > 0 ? pass : fail('the user belongs to no group');
  },
});
