import { mustHold } from '../backup/checks.js';
import { defineRule } from '../rule.js';

export const redshiftRequireTls = defineRule({
  id: 'redshift-require-tls',
  title: 'Redshift clusters refuse connections without TLS',
  severity: 'high',
  rationale:
    'Unless the cluster parameter group sets require_ssl=true, SQL clients may connect in cleartext and send ' +
    'credentials and ePHI query results over the network unencrypted (R-INF-5).',
  remediation: {
    cloudformation:
      'Add an AWS::Redshift::ClusterParameterGroup with Parameters: [{ ParameterName: require_ssl, ' +
      'ParameterValue: "true" }] and set ClusterParameterGroupName: !Ref it on the cluster.',
    terraform:
      'Add an aws_redshift_parameter_group with parameter { name = "require_ssl" value = "true" } and set ' +
      'cluster_parameter_group_name = aws_redshift_parameter_group.x.name on the cluster.',
    console:
      'Redshift → Configurations → Workload management → create a parameter group with require_ssl = true → ' +
      'cluster → Properties → Database configurations → Edit → choose it → reboot.',
  },
  controls: ['encryption-in-transit'],
  kinds: ['Warehouse'],
  equivalents: {
    cdkNag: ['HIPAA.Security-RedshiftRequireTlsSSL'],
    awsConfig: ['redshift-require-tls-ssl'],
  },
  check(cluster) {
    return mustHold(
      cluster.facts.requireSsl,
      'require_ssl',
      'the cluster parameter group does not set require_ssl=true: clients may connect without TLS',
    );
  },
});
