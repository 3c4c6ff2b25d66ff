import type { ReplicationInstanceFacts } from '../../../model/kinds/dms.js';
import { bool, refOrString } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

const replicationInstance = cfnMapping(
  'ReplicationInstance',
  (view): ReplicationInstanceFacts => ({
    publiclyAccessible: bool(view.properties.PubliclyAccessible, true),
    kmsKey: refOrString(view.properties.KmsKeyId),
  }),
);

export const dmsCfnMappers: CfnMapperTable = { 'AWS::DMS::ReplicationInstance': replicationInstance };
