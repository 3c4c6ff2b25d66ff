import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, skip } from '../rule.js';

export const iamUserAccessKey = defineRule({
  id: 'iam-user-access-key',
  title: 'No long-term IAM user access keys are created',
  severity: 'medium',
  rationale:
    'Access keys never expire and leak through code, CI logs and laptops; workloads should use roles and ' +
    'people SSO with MFA (R-INF-10). A key declared in a template also ends up in stack outputs or parameters.',
  remediation: {
    cloudformation:
      'Remove the AWS::IAM::AccessKey; give workloads an IAM role (instance profile, task role, OIDC for CI).',
    terraform: 'Remove aws_iam_access_key; use aws_iam_role with an OIDC provider for CI or a service role.',
    console: 'IAM → Users → user → Security credentials → Access keys → Deactivate and delete.',
  },
  controls: ['strong-authentication', 'secrets-management', 'least-privilege'],
  kinds: ['AccessKey'],
  check(key) {
    const status = key.facts.status;
    if (isUnknown(status)) return cannotVerify(`Status is ${status.$unknown}`);
    if (status === 'Inactive') return skip;
    return fail('a long-term access key is created for an IAM user (use roles or SSO with MFA instead)');
  },
});
