import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, type Verdict } from '../rule.js';

export const redshiftClusterConfiguration = defineRule({
  id: 'redshift-cluster-configuration',
  title: 'Redshift clusters are encrypted at rest and keep audit logs',
  severity: 'high',
  rationale:
    'An unencrypted warehouse keeps ePHI in plaintext on its storage and snapshots; without audit logging there ' +
    'is no record of who connected and what they queried (R-INF-3, R-INF-7).',
  remediation: {
    cloudformation:
      'Set Encrypted: true with KmsKeyId: !Ref PhiKey, and LoggingProperties: { LogDestinationType: cloudwatch, ' +
      'LogExports: [connectionlog, userlog, useractivitylog] } (or BucketName of a log bucket).',
    terraform:
      'Set encrypted = true and kms_key_id = aws_kms_key.phi.arn on aws_redshift_cluster, and add aws_redshift_logging ' +
      '{ cluster_identifier = aws_redshift_cluster.x.id, log_destination_type = "cloudwatch", log_exports = ' +
      '["connectionlog", "userlog", "useractivitylog"] }.',
    console:
      'Redshift → cluster → Properties → Database configurations → Edit encryption (KMS); Properties → ' +
      'Database audit logging → Edit → Turn on.',
  },
  controls: ['encryption-at-rest', 'audit-logging'],
  kinds: ['Warehouse'],
  equivalents: {
    cdkNag: ['HIPAA.Security-RedshiftClusterConfiguration'],
    awsConfig: ['redshift-cluster-configuration-check'],
  },
  check(cluster) {
    const verdicts: Verdict[] = [];
    const encrypted = cluster.facts.encrypted;
    if (isUnknown(encrypted)) verdicts.push(cannotVerify(`encryption is ${encrypted.$unknown}`));
    else if (!encrypted) verdicts.push(fail('cluster is not encrypted at rest'));
    const logging = cluster.facts.auditLogging;
    if (isUnknown(logging)) verdicts.push(cannotVerify(`audit logging is ${logging.$unknown}`));
    else if (!logging) verdicts.push(fail('audit logging is off: connections and queries are not recorded'));
    return verdicts.length > 0 ? verdicts : pass;
  },
});
