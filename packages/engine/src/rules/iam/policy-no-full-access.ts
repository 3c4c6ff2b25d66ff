import type { Unknown } from '../../model/values.js';
import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import {
  appliesToEveryResource,
  identityStatementGroups,
  statementLabel,
  wildcardActions,
} from './statements.js';

/** AWS managed policies that grant every action of a service; AdministratorAccess has its own rule. */
const AWS_FULL_ACCESS_POLICY = /^arn:aws[\w-]*:iam::aws:policy\/(?:service-role\/)?\w*FullAccess$/;

/**
 * Legacy AWS managed instance-profile policies, still attached in older estates, that grant data access to every
 * bucket: AWS deprecated them for narrower successors.
 */
const AWS_OVERBROAD_LEGACY_POLICIES: Readonly<Record<string, string>> = {
  AmazonEC2RoleforSSM:
    'deprecated: s3:GetObject and s3:PutObject on every bucket; use AmazonSSMManagedInstanceCore',
  AmazonElasticMapReduceforEC2Role:
    'deprecated: s3:* on every bucket; use a scoped EMR instance profile policy',
};

export const iamPolicyNoFullAccess = defineRule({
  id: 'iam-policy-no-full-access',
  title: 'IAM policies do not grant every action of a service (service:*)',
  severity: 'high',
  rationale:
    'A "service:*" grant (or "*" on specific resources) includes destructive and permission-changing actions ' +
    'nobody reviewed, e.g. s3:* includes s3:PutBucketPolicy and kms:* includes kms:ScheduleKeyDeletion; ' +
    'R-INF-10 forbids wildcard actions on production resources.',
  remediation: {
    cloudformation:
      'List the actions the principal needs (e.g. s3:GetObject, s3:PutObject) instead of s3:* in the policy document.',
    terraform: 'Replace "service:*" in aws_iam_policy_document actions with the specific actions.',
    console:
      'IAM → policy → Edit → Visual editor → choose the needed actions instead of "All <service> actions".',
  },
  controls: ['least-privilege', 'access-control'],
  kinds: ['Role', 'User', 'Group', 'ManagedPolicy'],
  equivalents: {
    cdkNag: ['HIPAA.Security-IAMPolicyNoStatementsWithFullAccess'],
    awsConfig: ['iam-policy-no-statements-with-full-access'],
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
        const wildcards = wildcardActions(statement);
        if (wildcards.length === 0) {
          if (isUnknown(statement.actions) && statement.effect === 'Allow') unresolved ??= statement.actions;
          return;
        }
        // "*" or NotAction on every resource is administrator access: iam-policy-no-admin-access reports it.
        const everywhere = appliesToEveryResource(statement);
        const service = wildcards.filter((a) => a !== '*' && a !== 'NotAction');
        const broad = everywhere === true ? service : wildcards;
        if (broad.length === 0) return;
        problems.push(
          `${group.label} ${statementLabel(statement, index)} allows ${broad.map((a) => (a === 'NotAction' ? 'NotAction' : `"${a}"`)).join(', ')}` +
            (everywhere === true
              ? ' on Resource "*"'
              : ' (every action of the service on the listed resources)'),
        );
      });
    }
    // AWS managed "…FullAccess" policies are service:* grants by another name (AmazonS3FullAccess = s3:*), and
    // legacy instance-profile policies open every bucket.
    const managed = 'managedPolicies' in identity.facts ? identity.facts.managedPolicies : [];
    if (!isUnknown(managed)) {
      for (const arn of managed) {
        if (typeof arn !== 'string') continue;
        const name = arn.slice(arn.lastIndexOf('/') + 1);
        if (AWS_FULL_ACCESS_POLICY.test(arn))
          problems.push(`AWS managed policy ${name} is attached (every action of the service)`);
        else if (/^arn:aws[\w-]*:iam::aws:policy\//.test(arn) && AWS_OVERBROAD_LEGACY_POLICIES[name])
          problems.push(`AWS managed policy ${name} is attached (${AWS_OVERBROAD_LEGACY_POLICIES[name]})`);
      }
    }
    if (problems.length > 0) return fail(problems.join('; '));
    if (unresolved) return cannotVerify(`a policy statement is ${unresolved.$unknown}`);
    return pass;
  },
});
