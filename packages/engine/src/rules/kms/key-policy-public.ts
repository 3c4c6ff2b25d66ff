import type { Unknown } from '../../model/values.js';
import { isUnknown } from '../../model/values.js';
import { allowsAction, hasConditionKey, isEveryone, statementLabel } from '../iam/statements.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

/** Condition keys that confine a `*` principal to the organisation, the account or the network. */
const RESTRICTING_KEYS = [
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceaccount',
  'aws:sourcearn',
  'kms:calleraccount',
  'kms:viaservice',
];

export const kmsKeyPolicyNotPublic = defineRule({
  id: 'kms-key-policy-not-public',
  title: 'KMS key policies do not let any principal use the key without a restricting condition',
  severity: 'critical',
  rationale:
    'A key policy that allows kms:Decrypt (or kms:*) to Principal "*" lets any AWS account decrypt whatever the ' +
    'key protects once it obtains the ciphertext; R-INF-2 requires key policies that deny use from outside the ' +
    'organisation or VPC.',
  remediation: {
    cloudformation:
      'In KeyPolicy, name the principals explicitly, or add a Condition such as ' +
      'StringEquals: { kms:CallerAccount: !Ref AWS::AccountId, kms:ViaService: s3.<region>.amazonaws.com } or ' +
      'aws:PrincipalOrgID to any statement with Principal "*".',
    terraform:
      'In aws_kms_key.policy (or aws_kms_key_policy), replace principal "*" with named principals or add a ' +
      'condition on kms:CallerAccount / kms:ViaService / aws:PrincipalOrgID.',
    console:
      'KMS → key → Key policy → Edit: remove "Principal": "*" or add an account/organisation condition.',
  },
  controls: ['key-management', 'access-control', 'public-exposure'],
  kinds: ['Key'],
  check(key) {
    if (key.facts.keyState !== 'Enabled' && !isUnknown(key.facts.keyState)) return skip;
    if (!key.facts.policyDeclared) return pass; // the default key policy trusts only the owning account
    const policy = key.facts.policy;
    if (isUnknown(policy)) return cannotVerify(`key policy is ${policy.$unknown}`);
    const problems: string[] = [];
    let unresolved: Unknown | undefined;
    policy.forEach((statement, index) => {
      const everyone = isEveryone(statement);
      if (isUnknown(everyone)) {
        unresolved ??= everyone;
        return;
      }
      if (!everyone) return;
      const decrypt = allowsAction(statement, 'kms:Decrypt');
      if (isUnknown(decrypt)) {
        unresolved ??= decrypt;
        return;
      }
      if (!decrypt) return;
      const restricted = hasConditionKey(statement, RESTRICTING_KEYS);
      if (isUnknown(restricted)) {
        unresolved ??= restricted;
        return;
      }
      if (!restricted) problems.push(statementLabel(statement, index));
    });
    if (problems.length > 0)
      return fail(
        `${problems.join(', ')} of the key policy allow kms:Decrypt to Principal "*" without an account, ` +
          'organisation or VPC condition',
      );
    if (unresolved) return cannotVerify(`a key policy statement is ${unresolved.$unknown}`);
    return pass;
  },
});
