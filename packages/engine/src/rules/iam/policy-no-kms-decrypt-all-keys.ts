import type { Unknown } from '../../model/values.js';
import { isUnknown } from '../../model/values.js';
import { isImportedValue } from '../imported.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import {
  allowsAction,
  conditionKeys,
  identityStatementGroups,
  isEveryResource,
  statementLabel,
  wildcardActions,
} from './statements.js';

/** Actions that read plaintext out of any ciphertext (the AWS Config pack's default blocked patterns). */
const DECRYPTING_ACTIONS = ['kms:Decrypt', 'kms:ReEncryptFrom'];

/** Condition keys (lower-case) that limit a statement to some keys or to use through a service. */
const SCOPING_KEYS = ['kms:viaservice', 'kms:resourcealiases', 'kms:requestalias'];

/** `*`, `arn:aws:kms:*:*:key/*`, `arn:aws:kms:us-east-1:111122223333:key/*`: every key. */
function isEveryKey(resource: unknown): boolean {
  return (
    isEveryResource(resource) ||
    (typeof resource === 'string' && /^arn:aws[-a-z]*:kms:[^:]*:[^:]*:(key\/)?\*$/.test(resource))
  );
}

export const iamPolicyNoKmsDecryptAllKeys = defineRule({
  id: 'iam-policy-no-kms-decrypt-all-keys',
  title: 'IAM policies do not allow kms:Decrypt on every KMS key',
  severity: 'high',
  rationale:
    'kms:Decrypt (or kms:ReEncrypt*, kms:*) on Resource "*" lets the holder decrypt data under every key of the ' +
    'account the key policies delegate to IAM, PHI keys included; name the keys, require kms:ViaService, or limit ' +
    'the keys by alias or tag (kms:ResourceAliases, aws:ResourceTag).',
  remediation: {
    cloudformation:
      'Set Resource to the key ARNs the principal needs (!GetAtt PhiKey.Arn), or add Condition: {StringEquals: ' +
      '{kms:ViaService: s3.<region>.amazonaws.com}}.',
    terraform:
      'In aws_iam_policy_document, list the aws_kms_key ARNs in resources or add a kms:ViaService condition.',
    console: 'IAM → policy → Edit → KMS → Resources → specify key ARNs instead of All resources.',
  },
  controls: ['key-management', 'least-privilege'],
  kinds: ['Role', 'User', 'Group', 'ManagedPolicy'],
  equivalents: {
    awsConfig: ['iam-customer-policy-blocked-kms-actions', 'iam-inline-policy-blocked-kms-actions'],
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
        const allowed = DECRYPTING_ACTIONS.map((action) => allowsAction(statement, action));
        if (!allowed.includes(true)) {
          unresolved ??= allowed.find(isUnknown);
          return;
        }
        // One ARN imported from another stack is a specific key (see isImportedValue).
        if (isImportedValue(statement.resources)) return;
        if (isUnknown(statement.resources)) {
          unresolved ??= statement.resources;
          return;
        }
        if (!statement.resources.some(isEveryKey)) return;
        // "*"/NotAction on every resource is administrator access: iam-policy-no-admin-access reports it.
        if (wildcardActions(statement).some((a) => a === '*' || a === 'NotAction')) return;
        // Scoped by the calling service, or to keys by alias or tag (ABAC: kms:ResourceAliases, aws:ResourceTag/…).
        const keys = conditionKeys(statement);
        if (isUnknown(keys)) {
          unresolved ??= keys;
          return;
        }
        if (!keys.some((key) => SCOPING_KEYS.includes(key) || key.startsWith('aws:resourcetag/')))
          problems.push(`${group.label} ${statementLabel(statement, index)} allows kms:Decrypt on every key`);
      });
    }
    if (problems.length > 0) return fail(problems.join('; '));
    if (unresolved) return cannotVerify(`a policy statement is ${unresolved.$unknown}`);
    return pass;
  },
});
