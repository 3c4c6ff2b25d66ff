import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { kindLabel } from './databases.js';

export const rdsDeletionProtection = defineRule({
  id: 'rds-deletion-protection',
  title: 'RDS instances and clusters have deletion protection',
  severity: 'medium',
  rationale:
    'Deletion protection stops a mistaken stack update, script or person from deleting the database holding ePHI ' +
    '(availability, R-INF-3).',
  remediation: {
    cloudformation: 'Set DeletionProtection: true (on the DBCluster for Aurora).',
    terraform: 'Set deletion_protection = true.',
    console: 'RDS → database → Modify → Deletion protection → Enable.',
  },
  controls: ['data-integrity', 'high-availability'],
  kinds: ['Database', 'DbCluster'],
  equivalents: {
    cdkNag: ['HIPAA.Security-RDSInstanceDeletionProtectionEnabled'],
    awsConfig: ['rds-instance-deletion-protection-enabled'],
  },
  check(db) {
    if (db.kind === 'Database' && db.facts.cluster !== undefined) return skip; // the cluster's setting applies
    const enabled = db.facts.deletionProtection;
    if (isUnknown(enabled)) return cannotVerify(`DeletionProtection is ${enabled.$unknown}`);
    return enabled ? pass : fail(`${kindLabel(db)} has no deletion protection`);
  },
});
