import type { BucketFacts, PolicyStatement } from '../../../model/kinds/s3.js';
import { isUnknown, unknown, type Val } from '../../../model/values.js';
import { policyStatements } from '../../policy.js';
import { at, bool, list, num, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping, folded } from '../mapper.js';

const bucket = cfnMapping('Bucket', (view, context): BucketFacts => {
  const p = view.properties;
  const sseRules = list(at(p, 'BucketEncryption.ServerSideEncryptionConfiguration'));
  const firstRule = isUnknown(sseRules) ? sseRules : sseRules[0];
  // Since January 2023 S3 applies SSE-S3 (AES256) to every bucket without a configuration.
  const sseAlgorithm =
    firstRule === undefined
      ? 'AES256'
      : str(at(firstRule, 'ServerSideEncryptionByDefault.SSEAlgorithm'), 'AES256');
  const policy: PolicyStatement[] = [];
  let policyUnknown: Val<never> | undefined;
  for (const policyView of context.referrers('AWS::S3::BucketPolicy', 'Bucket')) {
    const statements = policyStatements(policyView.properties.PolicyDocument);
    if (isUnknown(statements)) policyUnknown = statements as never;
    else policy.push(...statements);
  }
  const logging = at(p, 'LoggingConfiguration');
  const replication = at(p, 'ReplicationConfiguration');
  const replicationRules = list(at(replication, 'Rules'));
  const objectLockEnabled = bool(p.ObjectLockEnabled, false);
  const lifecycle = list(at(p, 'LifecycleConfiguration.Rules'));
  return {
    name: str(p.BucketName, undefined),
    sseAlgorithm,
    kmsKey:
      firstRule === undefined
        ? undefined
        : refOrString(at(firstRule, 'ServerSideEncryptionByDefault.KMSMasterKeyID')),
    bucketKeyEnabled: firstRule === undefined ? false : bool(at(firstRule, 'BucketKeyEnabled'), false),
    // S3 turns versioning on for a bucket created with Object Lock, and it cannot be suspended.
    versioning:
      objectLockEnabled === true ? 'Enabled' : versioningOf(at(p, 'VersioningConfiguration.Status')),
    publicAccessBlock: {
      blockPublicAcls: bool(at(p, 'PublicAccessBlockConfiguration.BlockPublicAcls'), false),
      ignorePublicAcls: bool(at(p, 'PublicAccessBlockConfiguration.IgnorePublicAcls'), false),
      blockPublicPolicy: bool(at(p, 'PublicAccessBlockConfiguration.BlockPublicPolicy'), false),
      restrictPublicBuckets: bool(at(p, 'PublicAccessBlockConfiguration.RestrictPublicBuckets'), false),
    },
    acl: str(p.AccessControl, 'Private'),
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
    accessLogging: isUnknown(logging)
      ? logging
      : logging === undefined
        ? undefined
        : { destination: refOrString(at(logging, 'DestinationBucketName')) ?? view.modelId },
    replication: isUnknown(replicationRules)
      ? replicationRules
      : replication === undefined
        ? undefined
        : {
            destinations: replicationRules.map(
              (rule) => refOrString(at(rule, 'Destination.Bucket')) ?? unknown('destination not set'),
            ),
          },
    objectLock: isUnknown(objectLockEnabled)
      ? objectLockEnabled
      : {
          enabled: objectLockEnabled,
          mode: str(at(p, 'ObjectLockConfiguration.Rule.DefaultRetention.Mode'), undefined),
          days:
            num(at(p, 'ObjectLockConfiguration.Rule.DefaultRetention.Days'), undefined) ??
            (() => {
              const years = num(at(p, 'ObjectLockConfiguration.Rule.DefaultRetention.Years'), undefined);
              return years === undefined || isUnknown(years) ? years : years * 365;
            })(),
        },
    lifecycleRules: isUnknown(lifecycle)
      ? lifecycle
      : lifecycle.map((rule) => {
          const transitions = list(at(rule, 'Transitions'));
          const single = at(rule, 'Transition');
          const all = isUnknown(transitions) ? [] : [...transitions, ...(single ? [single] : [])];
          return {
            enabled: isUnknown(at(rule, 'Status'))
              ? (at(rule, 'Status') as Val<boolean>)
              : at(rule, 'Status') !== 'Disabled',
            transitionsTo: all.map((t) => str(at(t, 'StorageClass'), '')),
          };
        }),
  };
});

function versioningOf(status: unknown): BucketFacts['versioning'] {
  if (status === undefined) return 'Disabled';
  if (isUnknown(status)) return status;
  return status === 'Enabled' ? 'Enabled' : status === 'Suspended' ? 'Suspended' : 'Disabled';
}

export const s3CfnMappers: CfnMapperTable = {
  'AWS::S3::Bucket': bucket,
  'AWS::S3::BucketPolicy': folded('Bucket'),
};
