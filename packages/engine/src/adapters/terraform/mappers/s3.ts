import type { BucketFacts, PolicyStatement } from '../../../model/kinds/s3.js';
import { isUnknown, type Val } from '../../../model/values.js';
import { policyStatements } from '../../policy.js';
import { at, bool, list, num, refOrString, str } from '../../read.js';
import { block, type TfMapperTable, type TfResourceView, tfFolded, tfMapping } from '../mapper.js';

/** Terraform's canned ACL names (`public-read`) in the model's CloudFormation vocabulary (`PublicRead`). */
function cannedAcl(value: unknown): Val<string> {
  const acl = str(value, 'private');
  if (isUnknown(acl)) return acl;
  return acl
    .split('-')
    .map((part) => (part === 'aws' ? 'Aws' : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

/**
 * `aws_s3_bucket` with its separate configuration resources (AWS provider v4+) joined in, and the inline
 * arguments of provider v3 (`server_side_encryption_configuration`, `versioning`, `logging`, …) honoured.
 */
const bucket = tfMapping('Bucket', (view, context): BucketFacts => {
  const v = view.values;
  const one = (type: string): TfResourceView | undefined => context.referrers(type, 'bucket')[0];
  const sseResource = one('aws_s3_bucket_server_side_encryption_configuration');
  const sseRule = block(
    at(block(sseResource ? sseResource.values : block(v.server_side_encryption_configuration)), 'rule'),
  );
  const byDefault = block(at(sseRule, 'apply_server_side_encryption_by_default'));
  const versioningResource = one('aws_s3_bucket_versioning');
  const versioningStatus = versioningResource
    ? at(block(versioningResource.values.versioning_configuration), 'status')
    : (() => {
        const enabled = bool(at(block(v.versioning), 'enabled'), false);
        return isUnknown(enabled) ? enabled : enabled ? 'Enabled' : undefined;
      })();
  const pab = one('aws_s3_bucket_public_access_block')?.values;
  const policy: PolicyStatement[] = [];
  let policyUnknown: Val<never> | undefined;
  const documents = [
    ...context.referrers('aws_s3_bucket_policy', 'bucket').map((policyView) => policyView.values.policy),
    ...(v.policy !== undefined && v.policy !== '' ? [v.policy] : []),
  ];
  for (const document of documents) {
    const statements = policyStatements(document);
    if (isUnknown(statements)) policyUnknown = statements as never;
    else policy.push(...statements);
  }
  const logging = one('aws_s3_bucket_logging')?.values ?? block(v.logging);
  const replicationResource = one('aws_s3_bucket_replication_configuration');
  const replicationRules = replicationResource
    ? list(replicationResource.values.rule)
    : list(at(block(v.replication_configuration), 'rules'));
  const lockResource = one('aws_s3_bucket_object_lock_configuration');
  const lockEnabled = bool(v.object_lock_enabled, lockResource !== undefined);
  const retention = block(
    at(
      block(lockResource ? lockResource.values.rule : at(block(v.object_lock_configuration), 'rule')),
      'default_retention',
    ),
  );
  const lifecycleResource = one('aws_s3_bucket_lifecycle_configuration');
  const lifecycle = lifecycleResource ? list(lifecycleResource.values.rule) : list(v.lifecycle_rule);
  const aclResource = one('aws_s3_bucket_acl');
  return {
    name: str(v.bucket, undefined),
    // Since January 2023 S3 applies SSE-S3 (AES256) to every bucket without a configuration.
    sseAlgorithm: byDefault === undefined ? 'AES256' : str(at(byDefault, 'sse_algorithm'), 'AES256'),
    kmsKey: byDefault === undefined ? undefined : refOrString(at(byDefault, 'kms_master_key_id')),
    bucketKeyEnabled: sseRule === undefined ? false : bool(at(sseRule, 'bucket_key_enabled'), false),
    versioning: isUnknown(versioningStatus)
      ? versioningStatus
      : versioningStatus === 'Enabled'
        ? 'Enabled'
        : versioningStatus === 'Suspended'
          ? 'Suspended'
          : // S3 turns versioning on when a bucket is created with Object Lock, and it cannot be suspended.
            lockEnabled === true
            ? 'Enabled'
            : 'Disabled',
    publicAccessBlock: {
      blockPublicAcls: bool(pab?.block_public_acls, false),
      ignorePublicAcls: bool(pab?.ignore_public_acls, false),
      blockPublicPolicy: bool(pab?.block_public_policy, false),
      restrictPublicBuckets: bool(pab?.restrict_public_buckets, false),
    },
    acl: cannedAcl(aclResource ? aclResource.values.acl : v.acl),
    policy: policyUnknown
      ? [
          {
            effect: policyUnknown,
            principal: undefined,
            actions: policyUnknown,
            notActions: undefined,
            resources: policyUnknown,
            condition: undefined,
          },
        ]
      : policy,
    accessLogging:
      logging === undefined
        ? undefined
        : isUnknown(logging)
          ? logging
          : { destination: refOrString(at(logging, 'target_bucket')) },
    replication:
      replicationResource === undefined && v.replication_configuration === undefined
        ? undefined
        : isUnknown(replicationRules)
          ? replicationRules
          : {
              destinations: replicationRules.map(
                (rule) => refOrString(at(block(at(rule, 'destination')), 'bucket')) ?? '',
              ),
            },
    objectLock: isUnknown(lockEnabled)
      ? lockEnabled
      : {
          enabled: lockEnabled,
          mode: str(at(retention, 'mode'), undefined),
          days:
            num(at(retention, 'days'), undefined) ??
            (() => {
              const years = num(at(retention, 'years'), undefined);
              return years === undefined || isUnknown(years) ? years : years * 365;
            })(),
        },
    lifecycleRules: isUnknown(lifecycle)
      ? lifecycle
      : lifecycle.map((rule) => {
          const status = at(rule, 'status');
          const enabled =
            status === undefined
              ? bool(at(rule, 'enabled'), true)
              : isUnknown(status)
                ? status
                : status !== 'Disabled';
          const transitions = list(at(rule, 'transition'));
          return {
            enabled,
            transitionsTo: isUnknown(transitions)
              ? []
              : transitions.map((t) => str(at(t, 'storage_class'), '')),
          };
        }),
  };
});

export const s3TfMappers: TfMapperTable = {
  aws_s3_bucket: bucket,
  aws_s3_bucket_server_side_encryption_configuration: tfFolded('bucket'),
  aws_s3_bucket_versioning: tfFolded('bucket'),
  aws_s3_bucket_public_access_block: tfFolded('bucket'),
  aws_s3_bucket_policy: tfFolded('bucket'),
  aws_s3_bucket_logging: tfFolded('bucket'),
  aws_s3_bucket_replication_configuration: tfFolded('bucket'),
  aws_s3_bucket_object_lock_configuration: tfFolded('bucket'),
  aws_s3_bucket_lifecycle_configuration: tfFolded('bucket'),
  aws_s3_bucket_acl: tfFolded('bucket'),
};
