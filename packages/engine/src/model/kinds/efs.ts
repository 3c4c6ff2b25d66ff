import type { ResourceRef, Val } from '../values.js';
import type { BackupCoverage } from './backup.js';

export interface FileSystemFacts {
  /** @default false */
  readonly encrypted: Val<boolean>;
  /** `KmsKeyId`; `undefined` with encryption on: the AWS managed key `aws/elasticfilesystem`. */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /** EFS automatic backups (`BackupPolicy.Status`), which use the AWS Backup default plan. @default DISABLED */
  readonly automaticBackups: Val<boolean>;
  readonly backupPlans: BackupCoverage;
}

declare module '../resource.js' {
  interface KindFacts {
    FileSystem: FileSystemFacts;
  }
}
