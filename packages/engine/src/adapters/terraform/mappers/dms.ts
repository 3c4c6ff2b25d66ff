import type { ReplicationInstanceFacts } from '../../../model/kinds/dms.js';
import { bool, refOrString } from '../../read.js';
import { type TfMapperTable, tfMapping } from '../mapper.js';

/** `aws_dms_replication_instance`: an absent `publicly_accessible` takes the AWS DMS default, public. */
const replicationInstance = tfMapping(
  'ReplicationInstance',
  (view): ReplicationInstanceFacts => ({
    publiclyAccessible: bool(view.values.publicly_accessible, true),
    kmsKey: refOrString(view.values.kms_key_arn),
  }),
);

export const dmsTfMappers: TfMapperTable = { aws_dms_replication_instance: replicationInstance };
