import type { PolicyStatement } from '../../model/kinds/s3.js';
import { isUnknown } from '../../model/values.js';
import { allowsAction, statementLabel } from '../iam/statements.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

/** The account root (`arn:aws:iam::123456789012:root` or a bare account id): IAM-delegation, not a grant. */
function isAccountRoot(principal: unknown): boolean {
  return (
    typeof principal === 'string' &&
    (/^arn:aws[-a-z]*:iam::\d{12}:root$/.test(principal) || /^\d{12}$/.test(principal))
  );
}

/**
 * Principals of the statement that are known and are not the account root or an AWS service. Statements whose
 * principals cannot be resolved (e.g. `!Sub arn:aws:iam::${AWS::AccountId}:root` without a known account) are
 * not judged: they usually are the root delegation statement.
 */
function namedGrantees(statement: PolicyStatement): string[] {
  const principal = statement.principal;
  if (principal === undefined || isUnknown(principal)) return [];
  if (principal === '*') return ['*'];
  return (principal.AWS ?? []).filter((p): p is string => typeof p === 'string' && !isAccountRoot(p));
}

export const kmsKeyPolicySeparatesDuties = defineRule({
  id: 'kms-key-policy-separates-duties',
  title: 'PHI keys separate encrypt from decrypt grants in their key policy',
  severity: 'medium',
  rationale:
    'A principal that can both encrypt and decrypt PHI (or administer and use the key) concentrates power; ' +
    'R-INF-2 asks key policies of PHI keys to grant encryption and decryption to separate principals.',
  remediation: {
    cloudformation:
      'Split the KeyPolicy statement: one granting kms:Encrypt/kms:GenerateDataKey* to the writer role, ' +
      'another granting kms:Decrypt to the reader role; never kms:* to a non-root principal.',
    terraform: 'Split the key policy statements of aws_kms_key.policy by duty (encrypt vs decrypt vs admin).',
    console: 'KMS → key → Key policy → Edit: give key users either encrypt or decrypt permissions, not both.',
  },
  controls: ['key-management', 'least-privilege'],
  kinds: ['Key'],
  check(key, { boundary }) {
    if (!boundary.has(key.id)) return skip;
    if (key.facts.keyState !== 'Enabled' && !isUnknown(key.facts.keyState)) return skip;
    if (!key.facts.policyDeclared) return pass;
    const policy = key.facts.policy;
    if (isUnknown(policy)) return cannotVerify(`key policy is ${policy.$unknown}`);
    const problems: string[] = [];
    policy.forEach((statement, index) => {
      const grantees = namedGrantees(statement);
      if (grantees.length === 0) return;
      const encrypt = allowsAction(statement, 'kms:Encrypt');
      const decrypt = allowsAction(statement, 'kms:Decrypt');
      if (encrypt === true && decrypt === true) {
        const all = allowsAction(statement, 'kms:ScheduleKeyDeletion') === true;
        problems.push(
          `${statementLabel(statement, index)} grants ${all ? 'kms:* (administration and use)' : 'both kms:Encrypt and kms:Decrypt'} to ${grantees.join(', ')}`,
        );
      }
    });
    return problems.length > 0
      ? fail(`${problems.join('; ')} (R-INF-2: separate encrypt from decrypt)`)
      : pass;
  },
});
