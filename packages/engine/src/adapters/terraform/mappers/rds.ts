import type {
  DatabaseFacts,
  DbClusterFacts,
  DbCommonFacts,
  DbParameterGroup,
  MasterPasswordSource,
} from '../../../model/kinds/rds.js';
import { isRef, isUnknown, unknown, type Val } from '../../../model/values.js';
import { ARN_OF_KIND } from '../../backup-coverage.js';
import { at, bool, list, num, refOrString, str } from '../../read.js';
import { type TfMapContext, type TfMapperTable, type TfResourceView, tfMapping } from '../mapper.js';
import { tfBackupPlansOf, tfTagRecord } from './backup.js';
import { declared } from './vpc.js';

/*
 * Provider defaults that differ from CloudFormation's are applied here, per attribute:
 * - `publicly_accessible` has a provider default of false (the provider always sends it), where CloudFormation
 *   leaves it to AWS (public when the VPC has an internet gateway);
 * - `backup_retention_period` (aws_db_instance) is Optional + Computed: left out, the provider does not send it and
 *   RDS applies its API default, 1 day — the same as CloudFormation; aws_rds_cluster has a provider default of 1.
 * Optional + Computed attributes left out show in a plan as a bare "known after apply" ({@link declared}).
 */

function present(value: unknown): boolean {
  const v = declared(value);
  return v !== undefined && v !== '';
}

/**
 * Where the master password comes from; the value is never copied into the model (R-X-2). A reference to another
 * resource (`random_password.x.result`, `aws_secretsmanager_secret_version.x.secret_string`, a data source) or a
 * variable with no value is supplied at apply time; a known string — a literal, a variable default or a tfvars
 * value — is in the configuration (and, from a plan, in the plan file) in plaintext.
 */
function masterPasswordOf(
  managed: unknown,
  password: unknown,
  writeOnly: unknown,
  restored: boolean,
): MasterPasswordSource {
  if (bool(declared(managed), false) === true) return 'managed';
  const value = declared(password);
  if (value === undefined || value === '') return present(writeOnly) ? 'deploy-time' : 'none';
  if (isUnknown(value) || isRef(value)) return 'deploy-time';
  if (typeof value === 'string') return 'literal';
  return restored ? 'none' : 'deploy-time';
}

function parametersOf(view: TfResourceView): Val<Readonly<Record<string, Val<string>>>> {
  const items = list(declared(view.values.parameter));
  if (isUnknown(items)) return items;
  const out: Record<string, Val<string>> = {};
  for (const item of items) {
    const name = at(item, 'name');
    if (typeof name === 'string') out[name] = str(at(item, 'value'), '');
    else if (isUnknown(name)) return unknown(`a parameter name is ${name.$unknown}`);
  }
  return out;
}

/** The parameter group by reference, or by a literal name declared in the same input; `default.*` is the engine's. */
function parameterGroupOf(value: unknown, context: TfMapContext, groupType: string): DbParameterGroup {
  const v = declared(value);
  if (v === undefined || v === '') return { source: 'default' };
  const group =
    context.resolve(v) ??
    (typeof v === 'string' ? context.ofType(groupType).find((g) => g.values.name === v) : undefined);
  if (group) return { source: 'template', group: group.modelId, parameters: parametersOf(group) };
  if (typeof v === 'string' && v.startsWith('default.')) return { source: 'default' };
  return { source: 'external', name: str(v, '') };
}

function logExportsOf(value: unknown): Val<readonly Val<string>[]> {
  const items = list(declared(value));
  if (isUnknown(items)) return items;
  return items.map((item) => str(item, ''));
}

function engineOf(value: unknown, absent: string | undefined): Val<string> {
  const v = declared(value);
  const engine = v === undefined && absent !== undefined ? absent : str(v, undefined);
  if (engine === undefined) return unknown('engine not set (restored from a snapshot or a source instance)');
  return isUnknown(engine) ? engine : engine.toLowerCase();
}

/** `aws_rds_global_cluster.this.engine_version`: the string that resource configures, else the reference. */
function configuredArgument(value: unknown, attribute: string, context: TfMapContext): unknown {
  if (!isRef(value) || value.attribute !== attribute) return value;
  const configured = context.resolve(value)?.values[attribute];
  return typeof configured === 'string' && configured !== '' ? configured : value;
}

/**
 * An engine that names another resource's argument (`engine = aws_rds_global_cluster.this.engine`) or, for a
 * read replica with no engine of its own, the source instance's (`replicate_source_db =
 * aws_db_instance.primary.identifier`): the value that resource configures, as a plan would show it.
 */
function configuredEngine(view: TfResourceView, context: TfMapContext): unknown {
  const v = view.values;
  const configured = (target: TfResourceView | undefined, attribute: string): string | undefined => {
    const value = target?.values[attribute];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  if (isRef(v.engine)) return configuredArgument(v.engine, 'engine', context);
  if (declared(v.engine) === undefined && isRef(v.replicate_source_db)) {
    const source = context.resolve(v.replicate_source_db);
    if (source?.type === 'aws_db_instance') return configured(source, 'engine') ?? v.engine;
  }
  return v.engine;
}

function identifierOf(value: unknown): Val<string> | undefined {
  return str(declared(value), undefined);
}

function common(
  view: TfResourceView,
  context: TfMapContext,
  target: {
    arn: (typeof ARN_OF_KIND)['Database' | 'DbCluster'];
    identifier: Val<string> | undefined;
    engineDefault?: string;
  },
): Omit<
  DbCommonFacts,
  'storageEncrypted' | 'parameterGroup' | 'performanceInsights' | 'masterPassword' | 'backupRetentionDays'
> {
  const v = view.values;
  return {
    identifier: target.identifier,
    engine: engineOf(configuredEngine(view, context), target.engineDefault),
    engineVersion: str(declared(configuredArgument(v.engine_version, 'engine_version', context)), undefined),
    kmsKey: refOrString(declared(v.kms_key_id)),
    deletionProtection: bool(declared(v.deletion_protection), false),
    iamAuthentication: bool(declared(v.iam_database_authentication_enabled), false),
    logExports: logExportsOf(v.enabled_cloudwatch_logs_exports),
    monitoringInterval: num(declared(v.monitoring_interval), 0),
    autoMinorVersionUpgrade: bool(declared(v.auto_minor_version_upgrade), true),
    backupPlans: tfBackupPlansOf(view, context, {
      ...target.arn,
      arnName: target.identifier,
      tags: tfTagRecord(v),
    }),
  };
}

const database = tfMapping('Database', (view, context): DatabaseFacts => {
  const v = view.values;
  const identifier = identifierOf(v.identifier);
  const replicaOf = refOrString(declared(v.replicate_source_db));
  const fromSnapshot = present(v.snapshot_identifier) || present(v.restore_to_point_in_time);
  const restored = fromSnapshot || replicaOf !== undefined;
  const encrypted = declared(v.storage_encrypted);
  return {
    ...common(view, context, { arn: ARN_OF_KIND.Database, identifier, engineDefault: undefined }),
    storageEncrypted:
      encrypted === undefined && restored
        ? unknown(`storage_encrypted not set: follows the ${fromSnapshot ? 'snapshot' : 'source instance'}`)
        : bool(encrypted, false),
    backupRetentionDays: num(declared(v.backup_retention_period), 1),
    masterPassword: masterPasswordOf(v.manage_master_user_password, v.password, v.password_wo, restored),
    parameterGroup: parameterGroupOf(v.parameter_group_name, context, 'aws_db_parameter_group'),
    performanceInsights: {
      enabled: bool(declared(v.performance_insights_enabled), false),
      kmsKey: refOrString(declared(v.performance_insights_kms_key_id)),
    },
    cluster: undefined,
    replicaOf,
    // Provider default false: an instance is public only when the configuration says so.
    publiclyAccessible: bool(declared(v.publicly_accessible), false),
    multiAz: bool(declared(v.multi_az), false),
  };
});

/** An Aurora (or Multi-AZ DB cluster) member: storage, backups, IAM authentication and logs are the cluster's. */
const clusterInstance = tfMapping('Database', (view, context): DatabaseFacts => {
  const v = view.values;
  const identifier = identifierOf(v.identifier);
  const clusterRef = refOrString(declared(v.cluster_identifier)) ?? unknown('cluster_identifier not set');
  const clusterView = context.resolve(clusterRef);
  return {
    ...common(view, context, { arn: ARN_OF_KIND.Database, identifier, engineDefault: undefined }),
    storageEncrypted: clusterView
      ? bool(declared(clusterView.values.storage_encrypted), false)
      : unknown('storage encryption is the cluster’s'),
    kmsKey: undefined,
    deletionProtection: false,
    iamAuthentication: false,
    logExports: [],
    backupRetentionDays: 1,
    masterPassword: 'none',
    parameterGroup: parameterGroupOf(v.db_parameter_group_name, context, 'aws_db_parameter_group'),
    performanceInsights: {
      enabled: bool(declared(v.performance_insights_enabled), false),
      kmsKey: refOrString(declared(v.performance_insights_kms_key_id)),
    },
    cluster: clusterRef,
    replicaOf: undefined,
    publiclyAccessible: bool(declared(v.publicly_accessible), false),
    multiAz: false,
  };
});

const cluster = tfMapping('DbCluster', (view, context): DbClusterFacts => {
  const v = view.values;
  const identifier = identifierOf(v.cluster_identifier);
  const engineMode = str(declared(v.engine_mode), 'provisioned');
  const fromSnapshot =
    present(v.snapshot_identifier) || present(v.restore_to_point_in_time) || present(v.s3_import);
  const encrypted = declared(v.storage_encrypted);
  return {
    // Provider v5 requires `engine`; older providers defaulted to "aurora" (MySQL 5.6 compatible).
    ...common(view, context, { arn: ARN_OF_KIND.DbCluster, identifier, engineDefault: 'aurora' }),
    // Aurora Serverless v1 clusters are always encrypted; a restored cluster follows its snapshot.
    storageEncrypted:
      encrypted === undefined && engineMode === 'serverless'
        ? true
        : encrypted === undefined && fromSnapshot
          ? unknown('storage_encrypted not set: follows the snapshot')
          : bool(encrypted, false),
    backupRetentionDays: num(declared(v.backup_retention_period), 1),
    masterPassword: masterPasswordOf(
      v.manage_master_user_password,
      v.master_password,
      v.master_password_wo,
      fromSnapshot || present(v.replication_source_identifier) || present(v.global_cluster_identifier),
    ),
    parameterGroup: parameterGroupOf(
      v.db_cluster_parameter_group_name,
      context,
      'aws_rds_cluster_parameter_group',
    ),
    performanceInsights: {
      enabled: bool(declared(v.performance_insights_enabled), false),
      kmsKey: refOrString(declared(v.performance_insights_kms_key_id)),
    },
    engineMode,
    publiclyAccessible: bool(declared(v.publicly_accessible), false),
  };
});

export const rdsTfMappers: TfMapperTable = {
  aws_db_instance: database,
  aws_rds_cluster_instance: clusterInstance,
  aws_rds_cluster: cluster,
};
