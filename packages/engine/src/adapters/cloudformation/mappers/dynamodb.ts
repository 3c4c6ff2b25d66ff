import type { TableFacts, TableKeyType } from '../../../model/kinds/dynamodb.js';
import { isUnknown, type Unknown, type Val } from '../../../model/values.js';
import { ARN_OF_KIND } from '../../backup-coverage.js';
import { at, bool, list, refOrString, str } from '../../read.js';
import { type CfnMapContext, type CfnMapperTable, type CfnResourceView, cfnMapping } from '../mapper.js';
import { backupPlansOf, tagRecord } from './backup.js';

function billingModeOf(value: unknown): TableFacts['billingMode'] {
  const mode = str(value, 'PROVISIONED');
  if (isUnknown(mode)) return mode;
  return mode === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED';
}

/** Which key encrypts the table, from `SSESpecification` (and a replica's `KMSMasterKeyId` for global tables). */
function keyTypeOf(sseEnabled: Val<boolean>, sseType: Val<string>, kmsKey: unknown): Val<TableKeyType> {
  if (isUnknown(sseEnabled)) return sseEnabled;
  if (!sseEnabled) return 'aws-owned';
  if (isUnknown(sseType)) return sseType;
  if (isUnknown(kmsKey)) return kmsKey;
  if (kmsKey === undefined || kmsKey === null) return 'aws-managed';
  return typeof kmsKey === 'string' && /alias\/aws\/dynamodb$/.test(kmsKey)
    ? 'aws-managed'
    : 'customer-managed';
}

/** Application Auto Scaling targets of a table, by `ResourceId` (`table/<name>`) reference or literal name. */
function autoScalingOf(_view: CfnResourceView, context: CfnMapContext, name: Val<string> | undefined) {
  const targets = [
    ...context.referrers('AWS::ApplicationAutoScaling::ScalableTarget', 'ResourceId'),
    ...(typeof name === 'string'
      ? context
          .ofType('AWS::ApplicationAutoScaling::ScalableTarget')
          .filter((target) => target.properties.ResourceId === `table/${name}`)
      : []),
  ];
  const dimensions = targets.map((target) => str(target.properties.ScalableDimension, ''));
  const has = (dimension: string): Val<boolean> =>
    dimensions.includes(dimension) ? true : (dimensions.find((d): d is Unknown => isUnknown(d)) ?? false);
  return {
    read: has('dynamodb:table:ReadCapacityUnits'),
    write: has('dynamodb:table:WriteCapacityUnits'),
  };
}

const table = cfnMapping('Table', (view, context): TableFacts => {
  const p = view.properties;
  const name = str(p.TableName, undefined);
  const kmsKey = at(p, 'SSESpecification.KMSMasterKeyId');
  return {
    name,
    global: false,
    billingMode: billingModeOf(p.BillingMode),
    autoScaling: autoScalingOf(view, context, name),
    keyType: keyTypeOf(
      bool(at(p, 'SSESpecification.SSEEnabled'), false),
      str(at(p, 'SSESpecification.SSEType'), 'KMS'),
      kmsKey,
    ),
    kmsKey: refOrString(kmsKey),
    pointInTimeRecovery: bool(at(p, 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled'), false),
    deletionProtection: bool(p.DeletionProtectionEnabled, false),
    backupPlans: backupPlansOf(view, context, {
      ...ARN_OF_KIND.Table,
      arnName: name,
      tags: tagRecord(p.Tags),
    }),
  };
});

/** Every replica must satisfy a per-replica setting; the first replica that does not (or is unknown) decides. */
function everyReplica(
  replicas: Val<readonly unknown[]>,
  read: (replica: unknown) => Val<boolean>,
): Val<boolean> {
  if (isUnknown(replicas)) return replicas;
  if (replicas.length === 0) return false;
  let undecided: Unknown | undefined;
  for (const replica of replicas) {
    const value = read(replica);
    if (value === false) return false;
    if (isUnknown(value)) undecided ??= value;
  }
  return undecided ?? true;
}

const globalTable = cfnMapping('Table', (view, context): TableFacts => {
  const p = view.properties;
  const name = str(p.TableName, undefined);
  const replicas = list(p.Replicas);
  const replicaKeys = isUnknown(replicas)
    ? []
    : replicas.map((r) => at(r, 'SSESpecification.KMSMasterKeyId'));
  const sseEnabled = bool(at(p, 'SSESpecification.SSEEnabled'), false);
  const sseType = str(at(p, 'SSESpecification.SSEType'), 'KMS');
  // The weakest replica key decides: one replica on an AWS managed key makes the table not customer-managed.
  const keyTypes = (replicaKeys.length > 0 ? replicaKeys : [undefined]).map((key) =>
    keyTypeOf(sseEnabled, sseType, key),
  );
  const order: TableKeyType[] = ['aws-owned', 'aws-managed', 'customer-managed'];
  const keyType =
    keyTypes.find(isUnknown) ??
    (keyTypes as TableKeyType[]).reduce((weakest, type) =>
      order.indexOf(type) < order.indexOf(weakest) ? type : weakest,
    );
  const writeAutoScaling = at(p, 'WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings');
  return {
    name,
    global: true,
    billingMode: billingModeOf(p.BillingMode),
    autoScaling: {
      read: everyReplica(replicas, (r) => {
        const settings = at(r, 'ReadProvisionedThroughputSettings.ReadCapacityAutoScalingSettings');
        return isUnknown(settings) ? settings : settings !== undefined;
      }),
      write: isUnknown(writeAutoScaling) ? writeAutoScaling : writeAutoScaling !== undefined,
    },
    keyType,
    kmsKey: refOrString(replicaKeys[0]),
    pointInTimeRecovery: everyReplica(replicas, (r) =>
      bool(at(r, 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled'), false),
    ),
    deletionProtection: everyReplica(replicas, (r) => bool(at(r, 'DeletionProtectionEnabled'), false)),
    backupPlans: backupPlansOf(view, context, {
      ...ARN_OF_KIND.Table,
      arnName: name,
      tags: isUnknown(replicas) ? {} : tagRecord(at(replicas[0], 'Tags')),
    }),
  };
});

export const dynamodbCfnMappers: CfnMapperTable = {
  'AWS::DynamoDB::Table': table,
  'AWS::DynamoDB::GlobalTable': globalTable,
};
