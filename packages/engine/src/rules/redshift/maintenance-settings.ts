import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, type Verdict } from '../rule.js';

export const redshiftMaintenanceSettings = defineRule({
  id: 'redshift-maintenance-settings',
  title: 'Redshift clusters take version upgrades in an explicit maintenance window',
  severity: 'medium',
  rationale:
    'Security fixes of the Redshift engine arrive as version upgrades; a cluster that refuses them keeps known ' +
    'vulnerabilities, and one without a declared window is patched whenever AWS picks. (Automated snapshots, ' +
    'which cdk-nag also checks here, are judged by redshift-backup-enabled.)',
  remediation: {
    cloudformation: 'Set AllowVersionUpgrade: true and PreferredMaintenanceWindow: sun:05:00-sun:05:30.',
    terraform:
      'Set allow_version_upgrade = true and preferred_maintenance_window = "sun:05:00-sun:05:30" on aws_redshift_cluster.',
    console: 'Redshift → cluster → Maintenance → Edit → maintenance window, and allow version upgrades.',
  },
  controls: ['vulnerability-management', 'configuration-management'],
  kinds: ['Warehouse'],
  equivalents: {
    cdkNag: ['HIPAA.Security-RedshiftClusterMaintenanceSettings'],
    awsConfig: ['redshift-cluster-maintenancesettings-check'],
  },
  check(cluster) {
    const verdicts: Verdict[] = [];
    const upgrade = cluster.facts.allowVersionUpgrade;
    if (isUnknown(upgrade)) verdicts.push(cannotVerify(`AllowVersionUpgrade is ${upgrade.$unknown}`));
    else if (!upgrade) verdicts.push(fail('version upgrades are disallowed (AllowVersionUpgrade false)'));
    const window = cluster.facts.preferredMaintenanceWindow;
    if (window === undefined) verdicts.push(fail('no preferred maintenance window is declared'));
    else if (isUnknown(window)) verdicts.push(cannotVerify(`maintenance window is ${window.$unknown}`));
    return verdicts.length > 0 ? verdicts : pass;
  },
});
