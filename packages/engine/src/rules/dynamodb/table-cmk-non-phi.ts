import { judgedAsPhi } from '../phi-declaration.js';
import { defineRule, fail, skip } from '../rule.js';
import { tableCmkVerdict } from './table-cmk.js';

export const dynamodbTableCmkNonPhi = defineRule({
  id: 'dynamodb-table-cmk-non-phi',
  title: 'DynamoDB tables declared to hold no PHI use a customer managed key',
  severity: 'medium',
  rationale:
    'R-INF-3 asks for a customer managed key on every table: the AWS owned and AWS managed keys encrypt at rest ' +
    'but cannot be restricted by a key policy of your own, and a table that later stores PHI is already ' +
    'non-compliant. This rule judges tables whose DataClassification tag declares them non-PHI and that no PHI ' +
    'resource references; every other table is judged at high by dynamodb-table-cmk.',
  remediation: {
    cloudformation: 'Set SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref AppKey }.',
    terraform:
      'Add server_side_encryption { enabled = true, kms_key_arn = aws_kms_key.app.arn } to aws_dynamodb_table.',
    console:
      'DynamoDB → table → Additional settings → Encryption → Manage encryption → Stored in your account (customer managed).',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Table'],
  check(table, { boundary }) {
    if (judgedAsPhi(table, boundary)) return skip;
    const verdict = tableCmkVerdict(table);
    return verdict.status === 'fail' ? fail(`${verdict.message} (table declared non-PHI)`) : verdict;
  },
});
