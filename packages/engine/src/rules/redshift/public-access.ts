import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const redshiftPublicAccess = defineRule({
  id: 'redshift-public-access',
  title: 'Redshift clusters are not publicly accessible',
  severity: 'critical',
  rationale:
    'A publicly accessible cluster gets a public IP address and endpoint: the ePHI of the warehouse is one leaked ' +
    'or guessed password away from the internet (R-INF-1, R-INF-3).',
  remediation: {
    cloudformation:
      'Set PubliclyAccessible: false and use a cluster subnet group of private (data-tier) subnets.',
    terraform:
      'Set publicly_accessible = false on aws_redshift_cluster (state it: provider defaults differ by version).',
    console: 'Redshift → cluster → Actions → Modify publicly accessible setting → Turn off.',
  },
  controls: ['public-exposure', 'network-segmentation'],
  kinds: ['Warehouse'],
  equivalents: {
    cdkNag: ['HIPAA.Security-RedshiftClusterPublicAccess'],
    awsConfig: ['redshift-cluster-public-access-check'],
  },
  check(cluster) {
    const value = cluster.facts.publiclyAccessible;
    if (isUnknown(value)) return cannotVerify(`publicly accessible is ${value.$unknown}`);
    return value ? fail('cluster is publicly accessible') : pass;
  },
});
