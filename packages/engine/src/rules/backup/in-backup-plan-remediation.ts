/** Remediation shared by the *-in-backup-plan rules. */
export const IN_BACKUP_PLAN_REMEDIATION = {
  cloudformation:
    'Add an AWS::Backup::BackupSelection to a plan, listing the resource (Resources: [!GetAtt X.Arn]) or selecting it ' +
    'by a tag it carries (ListOfTags / Conditions).',
  terraform: 'Add an aws_backup_selection listing the resource ARN or selecting it by tag.',
  console: 'AWS Backup → Backup plans → plan → Assign resources → choose the resource (or a tag it carries).',
} as const;
