import type { WarehouseFacts } from '../../../model/kinds/redshift.js';
import { isUnknown, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, num, refOrString, str } from '../../read.js';
import { type CfnMapContext, type CfnMapperTable, cfnMapping } from '../mapper.js';

/** `require_ssl` of the cluster parameter group; the default group has it off. */
function requireSslOf(groupName: unknown, context: CfnMapContext): Val<boolean> {
  if (groupName === undefined || groupName === null) return false;
  const group = context.resolve(groupName);
  if (!group) {
    if (typeof groupName === 'string' && groupName.startsWith('default.')) return false;
    return unknown('cluster parameter group is not declared in this input');
  }
  const parameters = list(group.properties.Parameters);
  if (isUnknown(parameters)) return parameters;
  const entry = parameters.find((item) => at(item, 'ParameterName') === 'require_ssl');
  if (entry === undefined) return false;
  const value = str(at(entry, 'ParameterValue'), 'false');
  return isUnknown(value) ? value : value.toLowerCase() === 'true';
}

const cluster = cfnMapping('Warehouse', (view, context): WarehouseFacts => {
  const p = view.properties;
  const logging = p.LoggingProperties;
  return {
    encrypted: bool(p.Encrypted, false),
    kmsKey: refOrString(p.KmsKeyId),
    publiclyAccessible: bool(p.PubliclyAccessible, false),
    enhancedVpcRouting: bool(p.EnhancedVpcRouting, false),
    automatedSnapshotRetentionDays: num(p.AutomatedSnapshotRetentionPeriod, 1),
    allowVersionUpgrade: bool(p.AllowVersionUpgrade, true),
    preferredMaintenanceWindow: str(p.PreferredMaintenanceWindow, undefined),
    auditLogging: isUnknown(logging)
      ? logging
      : logging !== undefined &&
        logging !== null &&
        (at(logging, 'BucketName') !== undefined || at(logging, 'LogDestinationType') === 'cloudwatch'),
    requireSsl: requireSslOf(p.ClusterParameterGroupName, context),
  };
});

export const redshiftCfnMappers: CfnMapperTable = { 'AWS::Redshift::Cluster': cluster };
