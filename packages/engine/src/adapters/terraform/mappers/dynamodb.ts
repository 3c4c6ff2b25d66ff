import type { TableFacts, TableKeyType } from '../../../model/kinds/dynamodb.js';
import { isUnknown, type Unknown, type Val } from '../../../model/values.js';
import { ARN_OF_KIND } from '../../backup-coverage.js';
import { at, bool, list, refOrString, str } from '../../read.js';
import { block, type TfMapContext, type TfMapperTable, tfFolded, tfMapping } from '../mapper.js';
import { tfBackupPlansOf, tfTagRecord } from './backup.js';
import { declared } from './vpc.js';

function billingModeOf(value: unknown): TableFacts['billingMode'] {
  const mode = str(declared(value), 'PROVISIONED');
  if (isUnknown(mode)) return mode;
  return mode === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED';
}

/**
 * Which key encrypts the table. `server_side_encryption { enabled = false }` (or no block) is the AWS owned key;
 * enabled without `kms_key_arn` (Optional + Computed: a bare "known after apply" in a plan) is `aws/dynamodb`.
 */
function keyTypeOf(enabled: Val<boolean>, kmsKey: unknown): Val<TableKeyType> {
  if (isUnknown(enabled)) return enabled;
  if (!enabled) return 'aws-owned';
  if (isUnknown(kmsKey)) return kmsKey;
  if (kmsKey === undefined || kmsKey === null || kmsKey === '') return 'aws-managed';
  return typeof kmsKey === 'string' && /alias\/aws\/dynamodb$/.test(kmsKey)
    ? 'aws-managed'
    : 'customer-managed';
}

/**
 * Application Auto Scaling targets of a table: `resource_id = "table/${aws_dynamodb_table.x.name}"` (a reference)
 * or the literal `table/<name>`.
 */
function autoScalingOf(context: TfMapContext, name: Val<string> | undefined): TableFacts['autoScaling'] {
  const targets = [
    ...context.referrers('aws_appautoscaling_target', 'resource_id'),
    ...(typeof name === 'string'
      ? context
          .ofType('aws_appautoscaling_target')
          .filter((target) => target.values.resource_id === `table/${name}`)
      : []),
  ];
  const dimensions = [...new Set(targets)].map((target) => str(target.values.scalable_dimension, ''));
  const has = (dimension: string): Val<boolean> =>
    dimensions.includes(dimension) ? true : (dimensions.find((d): d is Unknown => isUnknown(d)) ?? false);
  return {
    read: has('dynamodb:table:ReadCapacityUnits'),
    write: has('dynamodb:table:WriteCapacityUnits'),
  };
}

/** Every one of the values must hold; the first that does not (or is unknown) decides. */
function every(values: readonly Val<boolean>[]): Val<boolean> {
  let undecided: Unknown | undefined;
  for (const value of values) {
    if (value === false) return false;
    if (isUnknown(value)) undecided ??= value;
  }
  return undecided ?? true;
}

const ORDER: TableKeyType[] = ['aws-owned', 'aws-managed', 'customer-managed'];

/**
 * `aws_dynamodb_table`; with `replica` blocks or `aws_dynamodb_table_replica` resources it is a global table
 * (version 2019.11.21), and — as for `AWS::DynamoDB::GlobalTable` — the weakest replica decides the key and PITR.
 */
const table = tfMapping('Table', (view, context): TableFacts => {
  const v = view.values;
  const name = str(v.name, undefined);
  const sse = block(declared(v.server_side_encryption));
  const enabled = bool(declared(at(sse, 'enabled')), false);
  const tableKey = declared(at(sse, 'kms_key_arn'));
  const replicaBlocks = list(declared(v.replica));
  const replicaResources = context.referrers('aws_dynamodb_table_replica', 'global_table_arn');
  const replicas: { kmsKey: unknown; pitr: Val<boolean> }[] = [
    ...(isUnknown(replicaBlocks) ? [] : replicaBlocks).map((replica) => ({
      // A replica without its own key uses the AWS managed key of its region.
      kmsKey: declared(at(replica, 'kms_key_arn')),
      pitr: bool(declared(at(replica, 'point_in_time_recovery')), false),
    })),
    ...replicaResources.map((replica) => ({
      kmsKey: declared(replica.values.kms_key_arn),
      pitr: bool(declared(replica.values.point_in_time_recovery), false),
    })),
  ];
  const keyTypes = [tableKey, ...replicas.map((replica) => replica.kmsKey)].map((key) =>
    keyTypeOf(enabled, key),
  );
  const keyType: Val<TableKeyType> =
    keyTypes.find(isUnknown) ??
    (keyTypes as TableKeyType[]).reduce((weakest, type) =>
      ORDER.indexOf(type) < ORDER.indexOf(weakest) ? type : weakest,
    );
  const tablePitr = bool(declared(at(block(declared(v.point_in_time_recovery)), 'enabled')), false);
  return {
    name,
    global: replicas.length > 0 || isUnknown(replicaBlocks),
    billingMode: billingModeOf(v.billing_mode),
    autoScaling: autoScalingOf(context, name),
    keyType: isUnknown(replicaBlocks) ? replicaBlocks : keyType,
    kmsKey: refOrString(tableKey),
    pointInTimeRecovery: isUnknown(replicaBlocks)
      ? replicaBlocks
      : every([tablePitr, ...replicas.map((replica) => replica.pitr)]),
    deletionProtection: bool(declared(v.deletion_protection_enabled), false),
    backupPlans: tfBackupPlansOf(view, context, {
      ...ARN_OF_KIND.Table,
      arnName: name,
      tags: tfTagRecord(v),
    }),
  };
});

export const dynamodbTfMappers: TfMapperTable = {
  aws_dynamodb_table: table,
  aws_dynamodb_table_replica: tfFolded('global_table_arn'),
};
