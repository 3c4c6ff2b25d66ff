import { mustHold } from '../backup/checks.js';
import { defineRule } from '../rule.js';
import { domainLabel } from './domains.js';

export const opensearchEncryptedAtRest = defineRule({
  id: 'opensearch-encrypted-at-rest',
  title: 'OpenSearch domains are encrypted at rest',
  severity: 'high',
  rationale:
    'Indexes, snapshots, swap and logs of a search domain hold copies of the ePHI they index; without encryption ' +
    'at rest they sit in plaintext on the domain storage. Encryption can only be chosen at creation on older ' +
    'engine versions, so it must be right from the start.',
  remediation: {
    cloudformation: 'Set EncryptionAtRestOptions: { Enabled: true, KmsKeyId: !Ref PhiKey } on the domain.',
    terraform:
      'Add encrypt_at_rest { enabled = true, kms_key_id = aws_kms_key.phi.arn } to aws_opensearch_domain.',
    console:
      'OpenSearch Service → domain → Security configuration → Edit → Encryption of data at rest → enable.',
  },
  controls: ['encryption-at-rest'],
  kinds: ['SearchDomain'],
  equivalents: {
    cdkNag: ['HIPAA.Security-OpenSearchEncryptedAtRest'],
    awsConfig: ['opensearch-encrypted-at-rest', 'elasticsearch-encrypted-at-rest'],
  },
  check(domain) {
    return mustHold(
      domain.facts.encryptedAtRest,
      'encryption at rest',
      `${domainLabel(domain)} is not encrypted at rest`,
    );
  },
});
