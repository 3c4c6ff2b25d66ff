import { mustHold } from '../backup/checks.js';
import { defineRule } from '../rule.js';
import { domainLabel } from './domains.js';

export const opensearchNodeToNodeEncryption = defineRule({
  id: 'opensearch-node-to-node-encryption',
  title: 'OpenSearch domains encrypt traffic between nodes',
  severity: 'high',
  rationale:
    'Shards of indexed ePHI are copied between the nodes of a domain; without node-to-node encryption that ' +
    'traffic crosses the network in cleartext (R-INF-5).',
  remediation: {
    cloudformation: 'Set NodeToNodeEncryptionOptions: { Enabled: true } on the domain.',
    terraform: 'Add node_to_node_encryption { enabled = true } to aws_opensearch_domain.',
    console:
      'OpenSearch Service → domain → Security configuration → Edit → Node-to-node encryption → enable.',
  },
  controls: ['encryption-in-transit'],
  kinds: ['SearchDomain'],
  equivalents: {
    cdkNag: ['HIPAA.Security-OpenSearchNodeToNodeEncryption'],
    awsConfig: ['opensearch-node-to-node-encryption-check', 'elasticsearch-node-to-node-encryption-check'],
  },
  check(domain) {
    return mustHold(
      domain.facts.nodeToNodeEncryption,
      'node-to-node encryption',
      `${domainLabel(domain)} does not encrypt traffic between its nodes`,
    );
  },
});
