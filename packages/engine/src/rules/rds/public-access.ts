import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import { kindLabel } from './databases.js';

export const rdsPublicAccess = defineRule({
  id: 'rds-public-access',
  title: 'RDS instances are not publicly accessible',
  severity: 'critical',
  rationale:
    'A publicly accessible database gets a public IP and DNS name: its ePHI is one leaked or guessed password away ' +
    'from the internet (R-INF-3).',
  remediation: {
    cloudformation: 'Set PubliclyAccessible: false and place the instance in private (data-tier) subnets.',
    terraform: 'Set publicly_accessible = false on aws_db_instance.',
    console: 'RDS → database → Modify → Connectivity → Public access → Not publicly accessible.',
  },
  controls: ['public-exposure', 'network-segmentation'],
  kinds: ['Database', 'DbCluster'],
  equivalents: {
    cdkNag: ['HIPAA.Security-RDSInstancePublicAccess'],
    awsConfig: ['rds-instance-public-access-check'],
  },
  check(db) {
    const value = db.facts.publiclyAccessible;
    if (isUnknown(value)) return cannotVerify(value.$unknown);
    return value ? fail(`${kindLabel(db)} is publicly accessible`) : pass;
  },
});
