import type { VolumeFacts } from '../../../model/kinds/ebs.js';
import { unknown } from '../../../model/values.js';
import { ARN_OF_KIND } from '../../backup-coverage.js';
import { bool, refOrString, str } from '../../read.js';
import { type TfMapperTable, tfMapping } from '../mapper.js';
import { tfBackupPlansOf, tfTagRecord } from './backup.js';
import { declared } from './vpc.js';

/** A standalone `aws_ebs_volume` (instance block devices are the instance's facts, in the network group). */
const volume = tfMapping('Volume', (view, context): VolumeFacts => {
  const v = view.values;
  const snapshotId = str(declared(v.snapshot_id), undefined);
  // `encrypted` is Optional + Computed: left out, the provider does not send it and the account's "EBS encryption
  // by default" setting (or the snapshot) decides — unknown to the configuration, as on the CloudFormation side.
  const encrypted = declared(v.encrypted);
  return {
    encrypted:
      encrypted === undefined
        ? unknown(
            snapshotId === undefined
              ? 'encrypted not set: the account setting "EBS encryption by default" decides'
              : 'encrypted not set: follows the snapshot',
          )
        : bool(encrypted, false),
    kmsKey: refOrString(declared(v.kms_key_id)),
    snapshotId,
    backupPlans: tfBackupPlansOf(view, context, {
      ...ARN_OF_KIND.Volume,
      arnName: undefined,
      tags: tfTagRecord(v),
    }),
  };
});

export const ebsTfMappers: TfMapperTable = { aws_ebs_volume: volume };
