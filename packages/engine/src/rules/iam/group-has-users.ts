import { defineRule, fail, pass } from '../rule.js';

export const iamGroupHasUsers = defineRule({
  id: 'iam-group-has-users',
  title: 'IAM groups have at least one user',
  severity: 'low',
  rationale:
    'An empty group is an unused grant of permissions waiting to be misused; removing it keeps the access ' +
    'model reviewable (least privilege).',
  remediation: {
    cloudformation:
      "Add the group to a user's Groups or an AWS::IAM::UserToGroupAddition, or delete the group.",
    terraform: 'Add aws_iam_group_membership / aws_iam_user_group_membership, or remove the aws_iam_group.',
    console: 'IAM → User groups → group → Users → Add users, or delete the group.',
  },
  controls: ['least-privilege', 'access-control'],
  kinds: ['Group'],
  equivalents: { cdkNag: ['HIPAA.Security-IAMGroupHasUsers'], awsConfig: ['iam-group-has-users-check'] },
  check(group) {
    return group.facts.members.length > 0 ? pass : fail('no user of this input is a member of the group');
  },
});
