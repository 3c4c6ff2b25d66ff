import type { WarehouseFacts } from '../../../model/kinds/redshift.js';
import { isUnknown, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, num, refOrString, str } from '../../read.js';
import {
  block,
  type TfMapContext,
  type TfMapperTable,
  type TfResourceView,
  tfFolded,
  tfMapping,
} from '../mapper.js';

/**
 * `require_ssl` of the cluster parameter group named by `cluster_parameter_group_name` (a reference to an
 * `aws_redshift_parameter_group` or its literal name); the default group has it off, as in the CloudFormation
 * mapping.
 */
function requireSslOf(groupName: unknown, context: TfMapContext): Val<boolean> {
  if (groupName === undefined || groupName === null) return false;
  let group = context.resolve(groupName);
  if (!group && typeof groupName === 'string') {
    if (groupName.startsWith('default.')) return false;
    group = context
      .ofType('aws_redshift_parameter_group')
      .find((candidate) => candidate.values.name === groupName);
  }
  if (!group) {
    if (isUnknown(groupName)) return groupName;
    return unknown('cluster parameter group is not declared in this input');
  }
  const parameters = list(group.values.parameter);
  if (isUnknown(parameters)) return parameters;
  const entry = parameters.find((item) => {
    const name = at(item, 'name');
    return typeof name === 'string' && name.toLowerCase() === 'require_ssl';
  });
  if (entry === undefined) return false;
  const value = str(at(entry, 'value'), 'false');
  return isUnknown(value) ? value : value.toLowerCase() === 'true';
}

/** Audit logging: an `aws_redshift_logging` for the cluster (provider v5+), or the inline `logging` block (v3–v5). */
function auditLoggingOf(view: TfResourceView, context: TfMapContext): Val<boolean> {
  const v = view.values;
  const identifier = v.cluster_identifier;
  const separate =
    context.referrers('aws_redshift_logging', 'cluster_identifier')[0] ??
    (typeof identifier === 'string'
      ? context
          .ofType('aws_redshift_logging')
          .find((logging) => logging.values.cluster_identifier === identifier)
      : undefined);
  if (separate) {
    const destination = str(separate.values.log_destination_type, 's3');
    if (isUnknown(destination)) return destination;
    return destination === 'cloudwatch' || separate.values.bucket_name !== undefined;
  }
  const inline = block(v.logging);
  if (inline === undefined) return false;
  if (isUnknown(inline)) return inline;
  const enable = bool(at(inline, 'enable'), false);
  if (isUnknown(enable) || !enable) return enable;
  return at(inline, 'bucket_name') !== undefined || at(inline, 'log_destination_type') === 'cloudwatch';
}

/**
 * `aws_redshift_cluster` with the same facts and AWS defaults as the CloudFormation mapping, except
 * `publicly_accessible`: the AWS provider defaults it to true before v6 and to false from v6, so an absent
 * value in HCL is unknown (a plan always carries the provider's value).
 */
const cluster = tfMapping('Warehouse', (view, context): WarehouseFacts => {
  const v = view.values;
  return {
    encrypted: bool(v.encrypted, false),
    kmsKey: refOrString(v.kms_key_id),
    publiclyAccessible: bool(
      v.publicly_accessible ??
        unknown(
          'not set: the AWS provider defaults publicly_accessible to true before v6.0 and to false from v6.0',
        ),
      false,
    ),
    enhancedVpcRouting: bool(v.enhanced_vpc_routing, false),
    automatedSnapshotRetentionDays: num(v.automated_snapshot_retention_period, 1),
    allowVersionUpgrade: bool(v.allow_version_upgrade, true),
    preferredMaintenanceWindow: str(v.preferred_maintenance_window, undefined),
    auditLogging: auditLoggingOf(view, context),
    requireSsl: requireSslOf(v.cluster_parameter_group_name, context),
  };
});

export const redshiftTfMappers: TfMapperTable = {
  aws_redshift_cluster: cluster,
  aws_redshift_logging: tfFolded('cluster_identifier'),
};
