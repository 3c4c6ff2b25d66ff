import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const rdsAutoMinorVersionUpgrade = defineRule({
  id: 'rds-auto-minor-version-upgrade',
  title: 'RDS instances apply minor engine upgrades automatically',
  severity: 'low',
  rationale:
    'Minor versions carry the engine security fixes; applying them in the maintenance window keeps the database ' +
    'patched without a ticket (vulnerability management).',
  remediation: {
    cloudformation: 'Set AutoMinorVersionUpgrade: true (the default; remove an explicit false).',
    terraform: 'Set auto_minor_version_upgrade = true.',
    console: 'RDS → database → Modify → Maintenance → Enable auto minor version upgrade.',
  },
  controls: ['vulnerability-management'],
  kinds: ['Database'],
  equivalents: {
    cdkNag: ['HIPAA.Security-RDSAutomaticMinorVersionUpgradeEnabled'],
    awsConfig: ['rds-automatic-minor-version-upgrade-enabled'],
  },
  check(db) {
    const enabled = db.facts.autoMinorVersionUpgrade;
    if (isUnknown(enabled)) return cannotVerify(`AutoMinorVersionUpgrade is ${enabled.$unknown}`);
    return enabled ? pass : fail('automatic minor version upgrades are off');
  },
});
