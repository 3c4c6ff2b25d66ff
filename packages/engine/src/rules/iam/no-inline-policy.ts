import { defineRule, fail, pass } from '../rule.js';

export const iamNoInlinePolicy = defineRule({
  id: 'iam-no-inline-policy',
  title: 'IAM roles, users and groups use managed policies, not inline policies',
  severity: 'low',
  rationale:
    'Inline policies are bound to one identity, have no versions and are hard to review across the account; ' +
    'managed policies are reusable, versioned and auditable (least privilege, R-INF-10).',
  remediation: {
    cloudformation:
      'Move the Policies entries (and AWS::IAM::Policy resources) into an AWS::IAM::ManagedPolicy and reference ' +
      'it from ManagedPolicyArns.',
    terraform:
      'Replace inline_policy / aws_iam_role_policy with aws_iam_policy plus aws_iam_role_policy_attachment.',
    console:
      'IAM → role → Permissions → inline policy → copy to a new customer managed policy, attach it, delete the inline one.',
  },
  controls: ['least-privilege', 'configuration-management'],
  kinds: ['Role', 'User', 'Group'],
  equivalents: { cdkNag: ['HIPAA.Security-IAMNoInlinePolicy'], awsConfig: ['iam-no-inline-policy-check'] },
  check(identity) {
    const inline = identity.facts.inlinePolicies;
    if (inline.length === 0) return pass;
    // Named in the input's own words: CloudFormation `Policies` entries and AWS::IAM::Policy resources,
    // Terraform `inline_policy` blocks and aws_iam_*_policy resources (whose native id is their address).
    const terraform = identity.source.format.startsWith('terraform');
    const names = inline.map((p) =>
      p.origin === 'inline'
        ? `${terraform ? 'inline_policy' : 'Policies entry'} ${typeof p.name === 'string' ? `"${p.name}"` : '(unnamed)'}`
        : terraform
          ? (p.nativeId ?? 'a policy resource')
          : `AWS::IAM::Policy ${p.nativeId ?? ''}`.trim(),
    );
    return fail(
      `has ${inline.length} inline ${inline.length === 1 ? 'policy' : 'policies'}: ${names.join(', ')}`,
    );
  },
});
