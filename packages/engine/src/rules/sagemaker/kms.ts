import type { ResourceRef, Val } from '../../model/values.js';
import { isUnknown } from '../../model/values.js';
import { isCustomerManagedKey } from '../backup/checks.js';
import { cannotVerify, fail, pass, type Verdict } from '../rule.js';

/** Pass for a customer managed key; an empty or absent key id means the AWS managed key of SageMaker. */
export function customerKeyVerdict(kmsKey: Val<ResourceRef | string> | undefined, what: string): Verdict {
  const key = kmsKey === '' ? undefined : kmsKey;
  const cmk = isCustomerManagedKey(key);
  if (isUnknown(cmk)) return cannotVerify(`KMS key is ${cmk.$unknown}`);
  if (cmk) return pass;
  return fail(
    key === undefined
      ? `no KMS key is set: the ${what} is encrypted with an AWS managed key`
      : `the ${what} is encrypted with the AWS managed key ${String(key)}`,
  );
}
