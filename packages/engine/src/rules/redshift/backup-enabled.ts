import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const redshiftBackupEnabled = defineRule({
  id: 'redshift-backup-enabled',
  title: 'Redshift clusters keep automated snapshots',
  severity: 'high',
  rationale:
    'With AutomatedSnapshotRetentionPeriod 0 a cluster takes no automated snapshots: the ePHI in the warehouse ' +
    'cannot be restored after deletion, corruption or ransomware (R-INF-11).',
  remediation: {
    cloudformation: 'Set AutomatedSnapshotRetentionPeriod to 35 (at least 1; the AWS default is 1 day).',
    terraform: 'Set automated_snapshot_retention_period = 35 on aws_redshift_cluster (at least 1).',
    console:
      'Redshift → cluster → Maintenance → Backup details → Edit → Automated snapshot retention period.',
  },
  controls: ['backup', 'disaster-recovery'],
  kinds: ['Warehouse'],
  equivalents: {
    cdkNag: ['HIPAA.Security-RedshiftBackupEnabled'],
    awsConfig: ['redshift-backup-enabled'],
  },
  check(cluster) {
    const days = cluster.facts.automatedSnapshotRetentionDays;
    if (isUnknown(days)) return cannotVerify(`automated snapshot retention is ${days.$unknown}`);
    return days >= 1
      ? pass
      : fail('automated snapshots are off (retention period 0 days): the cluster cannot be restored');
  },
});
