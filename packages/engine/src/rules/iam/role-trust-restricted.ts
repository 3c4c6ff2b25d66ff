import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import { allowsAction, conditionKeys, hasConditionKey, statementLabel } from './statements.js';

/** Conditions that narrow who may assume a role trusted by "*" or by a whole account. */
const RESTRICTING_KEYS = [
  'sts:externalid',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceidentity',
];

function accountTrust(principal: string): string | undefined {
  const match = /^(?:arn:aws[-a-z]*:iam::(\d{12}):root|(\d{12}))$/.exec(principal);
  return match ? (match[1] ?? match[2]) : undefined;
}

export const iamRoleTrustRestricted = defineRule({
  id: 'iam-role-trust-restricted',
  title: 'Role trust policies do not let any principal or any whole account assume the role unconditionally',
  severity: 'high',
  rationale:
    'A trust policy with Principal "*" lets any AWS identity assume the role; trusting another account\'s root ' +
    'without sts:ExternalId or a principal condition lets every identity there (or a confused deputy) use its ' +
    'permissions to reach ePHI (R-INF-10).',
  remediation: {
    cloudformation:
      'In AssumeRolePolicyDocument name the exact role ARNs, or add Condition: {StringEquals: {sts:ExternalId: ' +
      '<id>}} for third parties, or aws:PrincipalOrgID for your organisation.',
    terraform:
      'In the assume_role_policy, add a condition on sts:ExternalId / aws:PrincipalOrgID or name the role ARNs.',
    console:
      'IAM → Roles → role → Trust relationships → Edit trust policy → add the condition or narrow the principal.',
  },
  controls: ['access-control', 'least-privilege', 'boundary-protection'],
  kinds: ['Role'],
  check(role) {
    const trust = role.facts.trustPolicy;
    if (isUnknown(trust)) return cannotVerify(`AssumeRolePolicyDocument is ${trust.$unknown}`);
    const problems: string[] = [];
    for (const [index, statement] of trust.entries()) {
      const assumes = [
        allowsAction(statement, 'sts:AssumeRole'),
        allowsAction(statement, 'sts:AssumeRoleWithWebIdentity'),
        allowsAction(statement, 'sts:AssumeRoleWithSAML'),
      ];
      const unresolvedAction = assumes.find(isUnknown);
      if (!assumes.includes(true)) {
        if (unresolvedAction) return cannotVerify(`trust statement action is ${unresolvedAction.$unknown}`);
        continue;
      }
      const principal = statement.principal;
      if (principal === undefined) continue;
      // A principal known only at deploy time (usually `${AWS::AccountId}`) cannot be told apart from this
      // account, so it is not judged here; the live adapter sees the resolved ARN.
      if (isUnknown(principal)) continue;
      const label = statementLabel(statement, index);
      if (principal === '*') {
        const restricted = hasConditionKey(statement, RESTRICTING_KEYS);
        if (isUnknown(restricted)) return cannotVerify(`trust condition is ${restricted.$unknown}`);
        if (!restricted)
          problems.push(
            `${label} trusts Principal "*" without an sts:ExternalId, organisation or principal condition`,
          );
        continue;
      }
      const accounts = (principal.AWS ?? [])
        .filter((p): p is string => typeof p === 'string')
        .map(accountTrust)
        .filter((a): a is string => a !== undefined);
      if (accounts.length === 0) continue;
      const keys = conditionKeys(statement);
      if (isUnknown(keys)) return cannotVerify(`trust condition is ${keys.$unknown}`);
      if (keys.length === 0)
        problems.push(
          `${label} trusts every principal of account ${accounts.join(', ')} without sts:ExternalId or another condition`,
        );
    }
    return problems.length > 0 ? fail(problems.join('; ')) : pass;
  },
});
