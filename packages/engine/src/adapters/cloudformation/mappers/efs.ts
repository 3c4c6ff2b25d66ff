import type { FileSystemFacts } from '../../../model/kinds/efs.js';
import { isUnknown } from '../../../model/values.js';
import { ARN_OF_KIND } from '../../backup-coverage.js';
import { at, bool, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';
import { backupPlansOf, tagRecord } from './backup.js';

const fileSystem = cfnMapping('FileSystem', (view, context): FileSystemFacts => {
  const p = view.properties;
  const status = str(at(p, 'BackupPolicy.Status'), 'DISABLED');
  return {
    encrypted: bool(p.Encrypted, false),
    kmsKey: refOrString(p.KmsKeyId),
    automaticBackups: isUnknown(status) ? status : status === 'ENABLED',
    backupPlans: backupPlansOf(view, context, {
      ...ARN_OF_KIND.FileSystem,
      arnName: undefined,
      tags: tagRecord(p.FileSystemTags),
    }),
  };
});

export const efsCfnMappers: CfnMapperTable = { 'AWS::EFS::FileSystem': fileSystem };
