import { ADMIN_MANAGED_POLICY_ARNS } from '../../model/kinds/iam.js';
import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const iamNoAdministratorAccess = defineRule({
  id: 'iam-no-administrator-access',
  title: 'The AWS managed AdministratorAccess policy is not attached',
  severity: 'critical',
  rationale:
    'AdministratorAccess grants every action on every resource: the identity can read all ePHI, disable ' +
    'CloudTrail and delete keys. R-INF-10 requires least privilege and split CI/CD roles.',
  remediation: {
    cloudformation:
      'Remove arn:aws:iam::aws:policy/AdministratorAccess from ManagedPolicyArns; attach a customer managed ' +
      'policy with the needed actions (for break-glass access use an SSO permission set with MFA).',
    terraform:
      'Remove the aws_iam_role_policy_attachment / managed_policy_arns entry for AdministratorAccess.',
    console: 'IAM → role/user/group → Permissions → select AdministratorAccess → Remove.',
  },
  controls: ['least-privilege', 'access-control'],
  kinds: ['Role', 'User', 'Group'],
  check(identity) {
    const attached = identity.facts.managedPolicies;
    if (isUnknown(attached)) return cannotVerify(`ManagedPolicyArns is ${attached.$unknown}`);
    const admin = attached.find(
      (arn) => typeof arn === 'string' && ADMIN_MANAGED_POLICY_ARNS.some((pattern) => pattern.test(arn)),
    );
    return admin ? fail(`AWS managed policy ${admin} is attached (full administrator access)`) : pass;
  },
});
