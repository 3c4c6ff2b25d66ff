import type { PolicyStatement } from '../../model/kinds/s3.js';
import type { Resource } from '../../model/resource.js';
import { isUnknown, type Unknown, type Val } from '../../model/values.js';
import { allowsAction, isEveryone, statementLabel } from '../iam/statements.js';

/** Condition keys that limit an everyone-principal grant to known callers (then it is not public). */
const LIMITING_KEYS = [
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:principalorgid',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:userid',
  'aws:sourceip',
];

function limited(statement: PolicyStatement): Val<boolean> {
  const condition = statement.condition;
  if (condition === undefined) return false;
  if (isUnknown(condition)) return condition;
  return Object.values(condition).some((keys) =>
    Object.keys(keys).some((key) => LIMITING_KEYS.includes(key.toLowerCase())),
  );
}

/**
 * The ways a bucket is public for `actions` (ACL grants and policy statements), unless the public access block
 * neutralises them (IgnorePublicAcls for ACLs, RestrictPublicBuckets for policies). Unknown when a statement cannot
 * be read and nothing is proven public.
 */
export function publicGrants(
  bucket: Resource<'Bucket'>,
  acls: readonly string[],
  actions: readonly string[],
): Val<string[]> {
  const found: string[] = [];
  let undecided: Unknown | undefined;
  const { acl, policy, publicAccessBlock } = bucket.facts;
  if (publicAccessBlock.ignorePublicAcls !== true) {
    if (isUnknown(acl)) undecided ??= acl;
    else if (acls.includes(acl)) found.push(`ACL ${acl}`);
  }
  if (publicAccessBlock.restrictPublicBuckets !== true) {
    policy.forEach((statement, index) => {
      const everyone = isEveryone(statement);
      if (everyone === false) return;
      const allowed = actions.map((action) => allowsAction(statement, action));
      const allows = allowed.includes(true) ? true : (allowed.find(isUnknown) ?? false);
      if (allows === false) return;
      const restricted = limited(statement);
      if (restricted === true) return;
      if (everyone === true && allows === true && restricted === false)
        found.push(`policy ${statementLabel(statement, index)} allows ${actions.join('/')} to everyone`);
      else undecided ??= [everyone, allows, restricted].find(isUnknown) as Unknown;
    });
  }
  if (found.length > 0) return found;
  return undecided ?? [];
}
