import type { Unknown } from '../../model/values.js';
import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import {
  appliesToEveryResource,
  identityStatementGroups,
  statementLabel,
  wildcardActions,
} from './statements.js';

export const iamPolicyNoAdminAccess = defineRule({
  id: 'iam-policy-no-admin-access',
  title: 'IAM policies do not allow every action on every resource',
  severity: 'critical',
  rationale:
    'An Allow of "*" on "*" (or an Allow NotAction on "*") makes the holder an administrator of the account, ' +
    'able to read every store of ePHI and erase the audit trail; R-INF-10 requires least privilege.',
  remediation: {
    cloudformation:
      'Replace Action: "*" / NotAction with the specific actions the role needs, scoped to the resources it uses ' +
      '(e.g. Action: [dynamodb:GetItem, dynamodb:PutItem], Resource: !GetAtt PatientsTable.Arn).',
    terraform:
      'Narrow the aws_iam_policy_document statement: list the actions and resource ARNs instead of "*".',
    console:
      'IAM → Policies (or the role\'s inline policy) → Edit → replace the "*" statement with specific actions.',
  },
  controls: ['least-privilege', 'access-control'],
  kinds: ['Role', 'User', 'Group', 'ManagedPolicy'],
  equivalents: {
    cdkNag: ['HIPAA.Security-IAMPolicyNoStatementsWithAdminAccess'],
    awsConfig: ['iam-policy-no-statements-with-admin-access'],
  },
  check(identity) {
    const problems: string[] = [];
    let unresolved: Unknown | undefined;
    for (const group of identityStatementGroups(identity)) {
      if (isUnknown(group.statements)) {
        unresolved ??= group.statements;
        continue;
      }
      group.statements.forEach((statement, index) => {
        if (isUnknown(statement.effect)) {
          unresolved ??= statement.effect;
          return;
        }
        const wildcards = wildcardActions(statement).filter((a) => a === '*' || a === 'NotAction');
        if (wildcards.length === 0) {
          if (isUnknown(statement.actions) && statement.effect === 'Allow') unresolved ??= statement.actions;
          return;
        }
        const everywhere = appliesToEveryResource(statement);
        if (isUnknown(everywhere)) {
          unresolved ??= everywhere;
          return;
        }
        if (everywhere)
          problems.push(
            `${group.label} ${statementLabel(statement, index)} allows ${wildcards[0] === 'NotAction' ? 'every action but its NotAction list' : 'Action "*"'} on Resource "*"`,
          );
      });
    }
    if (problems.length > 0) return fail(problems.join('; '));
    if (unresolved) return cannotVerify(`a policy statement is ${unresolved.$unknown}`);
    return pass;
  },
});
