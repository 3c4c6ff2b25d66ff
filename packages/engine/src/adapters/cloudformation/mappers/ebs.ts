import type { VolumeFacts } from '../../../model/kinds/ebs.js';
import { unknown } from '../../../model/values.js';
import { ARN_OF_KIND } from '../../backup-coverage.js';
import { bool, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';
import { backupPlansOf, tagRecord } from './backup.js';

const volume = cfnMapping('Volume', (view, context): VolumeFacts => {
  const p = view.properties;
  const snapshotId = str(p.SnapshotId, undefined);
  return {
    encrypted:
      p.Encrypted === undefined || p.Encrypted === null
        ? unknown(
            snapshotId === undefined
              ? 'Encrypted not set: the account setting "EBS encryption by default" decides'
              : 'Encrypted not set: follows the snapshot',
          )
        : bool(p.Encrypted, false),
    kmsKey: refOrString(p.KmsKeyId),
    snapshotId,
    backupPlans: backupPlansOf(view, context, {
      ...ARN_OF_KIND.Volume,
      arnName: undefined,
      tags: tagRecord(p.Tags),
    }),
  };
});

/** Standalone volumes only: `AWS::EC2::Instance` (and its block devices) belongs to the network group. */
export const ebsCfnMappers: CfnMapperTable = { 'AWS::EC2::Volume': volume };
