import { defineRule, fail, pass } from '../rule.js';

export const rdsMasterPasswordNotPlaintext = defineRule({
  id: 'rds-master-password-not-plaintext',
  title: 'RDS master passwords are not written in the template',
  severity: 'high',
  rationale:
    'A master password typed into a template (or a parameter default) is in source control, CI logs and the ' +
    'CloudFormation console for everyone who can read them; it unlocks every ePHI row (secrets management).',
  remediation: {
    cloudformation:
      'Replace MasterUserPassword with ManageMasterUserPassword: true (RDS keeps it in Secrets Manager and rotates ' +
      'it), or with "{{resolve:secretsmanager:<secret>:SecretString:password}}".',
    terraform:
      'Set manage_master_user_password = true instead of password on aws_db_instance / aws_rds_cluster.',
    console: 'RDS → database → Modify → Credentials management → Managed in AWS Secrets Manager.',
  },
  controls: ['secrets-management'],
  kinds: ['Database', 'DbCluster'],
  check(db) {
    // The value is never read into findings (R-X-2): only where it comes from.
    switch (db.facts.masterPassword) {
      case 'literal':
        return fail('MasterUserPassword is a literal string (or a parameter default) in the template');
      case 'parameter-echoed':
        return fail('MasterUserPassword comes from a parameter without NoEcho, shown in the console and API');
      default:
        return pass;
    }
  },
});
