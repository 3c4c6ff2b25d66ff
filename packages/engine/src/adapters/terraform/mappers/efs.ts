import type { FileSystemFacts } from '../../../model/kinds/efs.js';
import { isUnknown } from '../../../model/values.js';
import { ARN_OF_KIND } from '../../backup-coverage.js';
import { at, bool, refOrString, str } from '../../read.js';
import { block, type TfMapperTable, tfFolded, tfMapping } from '../mapper.js';
import { tfBackupPlansOf, tfTagRecord } from './backup.js';
import { declared } from './vpc.js';

/** `aws_efs_file_system` with its `aws_efs_backup_policy` (automatic backups: the AWS Backup default plan). */
const fileSystem = tfMapping('FileSystem', (view, context): FileSystemFacts => {
  const v = view.values;
  const policy = context.referrers('aws_efs_backup_policy', 'file_system_id')[0];
  // Without a backup policy resource the API default applies: automatic backups off (the console turns them on).
  const status = policy ? str(at(block(policy.values.backup_policy), 'status'), 'DISABLED') : 'DISABLED';
  return {
    // `encrypted` and `kms_key_id` are Optional + Computed: left out, EFS creates an unencrypted file system.
    encrypted: bool(declared(v.encrypted), false),
    kmsKey: refOrString(declared(v.kms_key_id)),
    automaticBackups: isUnknown(status) ? status : status === 'ENABLED',
    backupPlans: tfBackupPlansOf(view, context, {
      ...ARN_OF_KIND.FileSystem,
      arnName: undefined,
      tags: tfTagRecord(v),
    }),
  };
});

export const efsTfMappers: TfMapperTable = {
  aws_efs_file_system: fileSystem,
  aws_efs_backup_policy: tfFolded('file_system_id'),
};
