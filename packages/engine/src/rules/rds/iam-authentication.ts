import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { delegated, engineFamily, kindLabel } from './databases.js';

export const rdsIamAuthentication = defineRule({
  id: 'rds-iam-authentication',
  title: 'RDS instances and clusters allow IAM database authentication',
  severity: 'medium',
  rationale:
    'IAM authentication replaces long-lived database passwords with 15-minute tokens tied to an IAM identity, so ' +
    'access is unique per user, logged in CloudTrail and revoked with the identity (R-INF-3).',
  remediation: {
    cloudformation: 'Set EnableIAMDatabaseAuthentication: true (on the DBCluster for Aurora).',
    terraform: 'Set iam_database_authentication_enabled = true.',
    console: 'RDS → database → Modify → Database authentication → Password and IAM database authentication.',
  },
  controls: ['unique-user-identification', 'strong-authentication'],
  kinds: ['Database', 'DbCluster'],
  equivalents: {
    awsConfig: ['rds-instance-iam-authentication-enabled', 'rds-cluster-iam-authentication-enabled'],
  },
  check(db) {
    if (delegated(db)) return skip;
    const family = engineFamily(db.facts.engine);
    if (family === 'other') return skip; // Oracle, SQL Server, Db2 do not support it
    const enabled = db.facts.iamAuthentication;
    if (isUnknown(enabled)) return cannotVerify(`EnableIAMDatabaseAuthentication is ${enabled.$unknown}`);
    return enabled ? pass : fail(`IAM database authentication is off on the ${kindLabel(db)}`);
  },
});
