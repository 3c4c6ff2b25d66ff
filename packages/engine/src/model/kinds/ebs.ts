import type { ResourceRef, Val } from '../values.js';
import type { BackupCoverage } from './backup.js';

/** A standalone EBS volume (`AWS::EC2::Volume`); volumes declared inside an instance are the instance's facts. */
export interface VolumeFacts {
  /**
   * `Encrypted`. When absent, the account's "EBS encryption by default" setting decides (unknown to a
   * template), or the snapshot's encryption when restored from one.
   */
  readonly encrypted: Val<boolean>;
  /** `KmsKeyId`; `undefined` with encryption on: the account's default EBS key (`aws/ebs` unless changed). */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  readonly snapshotId: Val<string> | undefined;
  readonly backupPlans: BackupCoverage;
}

declare module '../resource.js' {
  interface KindFacts {
    Volume: VolumeFacts;
  }
}
