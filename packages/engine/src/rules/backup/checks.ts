import type { BackupCoverage } from '../../model/kinds/backup.js';
import { isRef, isUnknown, type ResourceRef, type Val } from '../../model/values.js';
import { cannotVerify, fail, pass, type Verdict } from '../rule.js';

/**
 * Verdict helpers shared by the data-store rules: a boolean fact that must hold, AWS Backup coverage, and whether a
 * KMS key is a customer managed one.
 */

/** Pass when the fact is true; fail with `failure` when false; cannot verify (naming `label`) when unknown. */
export function mustHold(value: Val<boolean>, label: string, failure: string): Verdict {
  if (isUnknown(value)) return cannotVerify(`${label} is ${value.$unknown}`);
  return value ? pass : fail(failure);
}

/** cdk-nag *InBackupPlan: some AWS Backup selection assigns the resource. */
export function inBackupPlan(plans: BackupCoverage, what: string): Verdict {
  if (isUnknown(plans)) return cannotVerify(plans.$unknown);
  return plans.length > 0 ? pass : fail(`no AWS Backup selection covers the ${what}`);
}

/** A key reference that is not absent and not an `alias/aws/<service>` AWS managed key. */
export function isCustomerManagedKey(key: Val<ResourceRef | string> | undefined): Val<boolean> {
  if (key === undefined) return false;
  if (isUnknown(key) || isRef(key)) return true; // a key of the input, or supplied at deploy time
  return !/alias\/aws\//.test(key);
}
