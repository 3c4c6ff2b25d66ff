import type { KeyFacts, KeyState } from '../../../model/kinds/kms.js';
import type { PolicyStatement } from '../../../model/kinds/s3.js';
import { isRef, isUnknown, type ResourceRef, unknown, type Val } from '../../../model/values.js';
import { policyStatements } from '../../policy.js';
import { bool, num, refOrString, str } from '../../read.js';
import {
  type TfMapContext,
  type TfMapperTable,
  type TfResourceView,
  tfFolded,
  tfMapping,
} from '../mapper.js';

/*
 * Shared by the security-group Terraform mappings (policies, computed attributes, references to a key or a
 * log group); they live here because key and policy facts are where they started.
 */

/**
 * A plan writes an Optional+Computed attribute that the configuration leaves out (`aws_iam_role.inline_policy`,
 * `aws_sqs_queue.sqs_managed_sse_enabled`, …) as "known after apply" with no reference. For attributes whose
 * value, when configured, is a block list or a literal (so it is never wholly unknown without a reference), that
 * means "not set": the AWS default applies. Not used for policy documents, which a deferred data source makes
 * wholly unknown too.
 */
export function unlessComputed(value: unknown): unknown {
  return isUnknown(value) && !value.refs?.length && value.$unknown === 'known after apply'
    ? undefined
    : value;
}

/**
 * Statements of a policy document attribute (a JSON string from `jsonencode`/a policy document data source). A
 * document built from another resource's attributes is a `ResourceRef` (plan) or an `Unknown` with refs (HCL)
 * before apply: unknown, never an empty policy.
 */
export function documentStatements(value: unknown, what: string): Val<readonly PolicyStatement[]> {
  if (isRef(value))
    return unknown(`${what} is built from ${value.$ref.replace(/^.*#/, '')} and known only after apply`, [
      value.$ref,
    ]);
  if (isUnknown(value))
    return value.$unknown === 'known after apply'
      ? unknown(
          `${what} is known only after apply (not declared, or built from values known at apply)`,
          value.refs,
        )
      : value;
  if (value === '') return [];
  return policyStatements(value);
}

/** Concatenated statements of several documents; unknown as soon as one is. */
export function allStatements(
  documents: readonly Val<readonly PolicyStatement[]>[],
): Val<readonly PolicyStatement[]> {
  const out: PolicyStatement[] = [];
  for (const statements of documents) {
    if (isUnknown(statements)) return statements;
    out.push(...statements);
  }
  return out;
}

/**
 * A reference-valued attribute (`kms_key_id`, `cloud_watch_logs_group_arn`): an interpolation of exactly one
 * resource of `types` (`"${aws_cloudwatch_log_group.trail.arn}:*"`) is a reference to it, as the plan adapter
 * already makes it; an empty string is "not set".
 */
export function referenceTo(
  value: unknown,
  context: TfMapContext,
  types: readonly string[],
  attribute: string,
): Val<ResourceRef | string> | undefined {
  if (value === '') return undefined;
  if (isUnknown(value) && value.refs?.length === 1) {
    const target = context.resolve(value);
    if (target && types.includes(target.type)) return { $ref: target.modelId, attribute };
  }
  return refOrString(value);
}

const keyStates = (enabled: Val<boolean>): Val<KeyState> =>
  isUnknown(enabled) ? enabled : enabled ? 'Enabled' : 'Disabled';

/** The key policy: a separate `aws_kms_key_policy` wins over the key's own `policy` (both write the same policy). */
function keyPolicy(view: TfResourceView, context: TfMapContext): Pick<KeyFacts, 'policy' | 'policyDeclared'> {
  const separate = context.referrers('aws_kms_key_policy', 'key_id');
  if (separate.length > 0)
    return {
      policy: allStatements(separate.map((p) => documentStatements(p.values.policy, 'key policy'))),
      policyDeclared: true,
    };
  const own = view.values.policy;
  if (own === undefined || own === null || own === '') return { policy: [], policyDeclared: false };
  return { policy: documentStatements(own, 'key policy'), policyDeclared: true };
}

const aliasesOf = (context: TfMapContext): Val<string>[] =>
  context.referrers('aws_kms_alias', 'target_key_id').map((alias) => str(alias.values.name, ''));

/** `aws_kms_key`: AWS defaults as for `AWS::KMS::Key` (rotation off, 30-day window, symmetric encryption). */
const key = tfMapping('Key', (view, context): KeyFacts => {
  const v = view.values;
  return {
    aliases: aliasesOf(context),
    keyState: keyStates(bool(v.is_enabled, true)),
    rotation: bool(v.enable_key_rotation, false),
    rotationPeriodInDays: num(unlessComputed(v.rotation_period_in_days), 365),
    pendingWindowInDays: num(v.deletion_window_in_days, 30),
    keySpec: str(v.customer_master_key_spec, 'SYMMETRIC_DEFAULT'),
    keyUsage: str(v.key_usage, 'ENCRYPT_DECRYPT'),
    // A key in an external key store or a CloudHSM key store has no KMS-generated material to rotate.
    origin:
      typeof v.xks_key_id === 'string' && v.xks_key_id !== ''
        ? 'EXTERNAL_KEY_STORE'
        : typeof v.custom_key_store_id === 'string' && v.custom_key_store_id !== ''
          ? 'AWS_CLOUDHSM'
          : 'AWS_KMS',
    multiRegion: bool(unlessComputed(v.multi_region), false),
    ...keyPolicy(view, context),
  };
});

/** A key with imported material: pending import until `key_material_base64` is given, else enabled or disabled. */
function importedKeyState(v: Readonly<Record<string, unknown>>): KeyFacts['keyState'] {
  const material = v.key_material_base64;
  return material === undefined || material === null || material === ''
    ? 'PendingImport'
    : keyStates(bool(unlessComputed(v.enabled), true));
}

/** `aws_kms_external_key`: imported key material (origin EXTERNAL), pending import until material is given. */
const externalKey = tfMapping('Key', (view, context): KeyFacts => {
  const v = view.values;
  return {
    aliases: aliasesOf(context),
    keyState: importedKeyState(v),
    rotation: false,
    rotationPeriodInDays: 365,
    pendingWindowInDays: num(v.deletion_window_in_days, 30),
    keySpec: str(v.key_spec, 'SYMMETRIC_DEFAULT'),
    keyUsage: str(v.key_usage, 'ENCRYPT_DECRYPT'),
    origin: 'EXTERNAL',
    multiRegion: bool(unlessComputed(v.multi_region), false),
    ...keyPolicy(view, context),
  };
});

/**
 * `aws_kms_replica_key`: a multi-Region replica of `primary_key_arn`. Key material, spec, usage and rotation
 * are shared with the primary (rotation is set on the primary only); the deletion window, key policy,
 * aliases and enabled state are the replica's own.
 */
const replicaKey = tfMapping('Key', (view, context): KeyFacts => {
  const v = view.values;
  const primary = context.resolve(v.primary_key_arn);
  const shared: Pick<KeyFacts, 'rotation' | 'rotationPeriodInDays' | 'keySpec' | 'keyUsage' | 'origin'> =
    primary && (primary.type === 'aws_kms_key' || primary.type === 'aws_kms_external_key')
      ? (({ rotation, rotationPeriodInDays, keySpec, keyUsage, origin }) => ({
          rotation,
          rotationPeriodInDays,
          keySpec,
          keyUsage,
          origin,
        }))((primary.type === 'aws_kms_key' ? key : externalKey).map(primary, context))
      : {
          rotation: unknown(
            'rotation is set on the primary key (primary_key_arn), which is not in this input',
            isRef(v.primary_key_arn) ? [v.primary_key_arn.$ref] : undefined,
          ),
          rotationPeriodInDays: 365,
          keySpec: 'SYMMETRIC_DEFAULT',
          keyUsage: 'ENCRYPT_DECRYPT',
          origin: 'AWS_KMS',
        };
  return {
    aliases: aliasesOf(context),
    keyState: keyStates(bool(unlessComputed(v.enabled), true)),
    ...shared,
    pendingWindowInDays: num(v.deletion_window_in_days, 30),
    multiRegion: true,
    ...keyPolicy(view, context),
  };
});

/** `aws_kms_replica_external_key`: a replica of a multi-Region key with imported material (never rotated by KMS). */
const replicaExternalKey = tfMapping('Key', (view, context): KeyFacts => {
  const v = view.values;
  return {
    aliases: aliasesOf(context),
    keyState: importedKeyState(v),
    rotation: false,
    rotationPeriodInDays: 365,
    pendingWindowInDays: num(v.deletion_window_in_days, 30),
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    origin: 'EXTERNAL',
    multiRegion: true,
    ...keyPolicy(view, context),
  };
});

export const kmsTfMappers: TfMapperTable = {
  aws_kms_key: key,
  aws_kms_external_key: externalKey,
  aws_kms_replica_key: replicaKey,
  aws_kms_replica_external_key: replicaExternalKey,
  aws_kms_alias: tfFolded('target_key_id'),
  aws_kms_key_policy: tfFolded('key_id'),
};
