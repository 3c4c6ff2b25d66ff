import { isUnknown, type Unknown } from '../../model/values.js';
import { coversAction, isEveryone } from '../iam/statements.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

const SSE_KEY = 's3:x-amz-server-side-encryption';
const KMS_VALUES = ['aws:kms', 'aws:kms:dsse'];

export const s3BucketDenyUnencryptedPut = defineRule({
  id: 's3-bucket-deny-unencrypted-put',
  title: 'PHI bucket policies deny PutObject without SSE-KMS',
  severity: 'medium',
  rationale:
    'Default encryption applies only when a request names no encryption; a client can still ask for SSE-S3. A Deny ' +
    'on PutObject unless s3:x-amz-server-side-encryption is aws:kms keeps every ePHI object under the KMS key (R-INF-4).',
  remediation: {
    cloudformation:
      'Add a BucketPolicy statement { Effect: Deny, Principal: "*", Action: s3:PutObject, Resource: ' +
      '!Sub "${Bucket.Arn}/*", Condition: { StringNotEquals: { s3:x-amz-server-side-encryption: aws:kms } } }.',
    terraform:
      'Add an aws_s3_bucket_policy statement denying s3:PutObject when s3:x-amz-server-side-encryption is not aws:kms.',
    console: 'S3 → PHI bucket → Permissions → Bucket policy → add the Deny on s3:PutObject without aws:kms.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Bucket'],
  check(bucket, { boundary }) {
    if (!boundary.has(bucket.id)) return skip;
    let undecided: Unknown | undefined;
    for (const statement of bucket.facts.policy) {
      if (isUnknown(statement.effect) || isUnknown(statement.condition)) {
        undecided ??= isUnknown(statement.effect) ? statement.effect : (statement.condition as Unknown);
        continue;
      }
      if (statement.effect !== 'Deny' || isEveryone(statement) !== true) continue;
      if (coversAction(statement, 's3:PutObject') !== true) continue;
      const condition = statement.condition ?? {};
      const notEquals = condition.StringNotEquals?.[SSE_KEY] ?? condition.StringNotEqualsIfExists?.[SSE_KEY];
      if (notEquals !== undefined) {
        if (isUnknown(notEquals)) undecided ??= notEquals;
        else if (
          notEquals.length > 0 &&
          notEquals.every((v) => typeof v === 'string' && KMS_VALUES.includes(v))
        )
          return pass;
      }
    }
    if (undecided) return cannotVerify(`bucket policy is ${undecided.$unknown}`);
    return fail(
      'no bucket policy statement denies s3:PutObject unless s3:x-amz-server-side-encryption is aws:kms (PHI bucket)',
    );
  },
});
