import type { Resource } from '../../model/resource.js';
import { isUnknown } from '../../model/values.js';
import { judgedAsPhi } from '../phi-declaration.js';
import { cannotVerify, defineRule, fail, pass, skip, type Verdict } from '../rule.js';

/**
 * Decision (R-INF-3 "DynamoDB with CMK"), as for S3: every table is encrypted at rest (an AWS owned key by default),
 * so a table without a customer managed key is a high finding on any table that may hold PHI (inside the boundary,
 * or untagged); a table its DataClassification tag declares non-PHI and that no PHI resource references is reported
 * at medium by dynamodb-table-cmk-non-phi.
 */
export function tableCmkVerdict(table: Resource<'Table'>): Verdict {
  const type = table.facts.keyType;
  if (isUnknown(type)) return cannotVerify(`table encryption is ${type.$unknown}`);
  if (type === 'customer-managed') return pass;
  return fail(
    type === 'aws-owned'
      ? 'table is encrypted with the AWS owned key (SSESpecification.SSEEnabled is false or absent)'
      : 'table is encrypted with the AWS managed key aws/dynamodb, not a customer managed key',
  );
}

export const dynamodbTableCmk = defineRule({
  id: 'dynamodb-table-cmk',
  title: 'DynamoDB tables are encrypted with a customer managed key',
  severity: 'high',
  rationale:
    'DynamoDB encrypts every table, but by default with an AWS owned key that you cannot see, restrict or audit; ' +
    'a customer managed key puts every read of ePHI behind your key policy and CloudTrail (R-INF-3). Tables ' +
    'tagged as holding no PHI and outside the PHI boundary are judged by dynamodb-table-cmk-non-phi.',
  remediation: {
    cloudformation: 'Set SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref PhiKey }.',
    terraform:
      'Add server_side_encryption { enabled = true, kms_key_arn = aws_kms_key.phi.arn } to aws_dynamodb_table.',
    console:
      'DynamoDB → table → Additional settings → Encryption → Manage encryption → Stored in your account (customer managed).',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Table'],
  equivalents: { awsConfig: ['dynamodb-table-encrypted-kms'] },
  check(table, { boundary }) {
    if (!judgedAsPhi(table, boundary)) return skip;
    return tableCmkVerdict(table);
  },
});
