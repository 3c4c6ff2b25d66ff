import type { FileSystemFacts } from '../../../model/kinds/efs.js';
import { isUnknown } from '../../../model/values.js';
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
      arnService: 'elasticfilesystem',
      arnTypePrefix: 'file-system/',
      arnName: undefined,
      tags: tagRecord(p.FileSystemTags),
    }),
  };
});

export const efsCfnMappers: CfnMapperTable = { 'AWS::EFS::FileSystem': fileSystem };
