import type { FactsOf, ModelledKind } from '../../model/resource.js';
import type { JoinContext } from '../join.js';

/**
 * A CloudFormation resource as a mapper sees it: its Properties already resolved (parameters, conditions,
 * `Fn::If`, `Fn::Sub`, … evaluated), with explicit `Unknown` where a value cannot be known before deploy and
 * `ResourceRef` (`{ $ref: <model id>, attribute? }`) where it points at another resource of the same input.
 */
export interface CfnResourceView {
  readonly logicalId: string;
  /** Model id (`<template key>#<logical id>`), the `$ref` value other resources' references carry. */
  readonly modelId: string;
  readonly type: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** Lookups across the template, so related native resources are joined into one canonical resource. */
export interface CfnMapContext extends JoinContext<CfnResourceView> {
  /**
   * Resources of `nativeType` whose property at dotted `path` (arrays are searched element-wise) references
   * `target` (a model id; default: the resource being mapped), by `Ref`/`GetAtt` or inside `Fn::Sub`/`Fn::Join`.
   * Example: the bucket policies of a bucket: `context.referrers('AWS::S3::BucketPolicy', 'Bucket')`.
   */
  referrers(nativeType: string, path: string, target?: string): CfnResourceView[];
  /** The resource a `ResourceRef` (or an `Unknown` carrying exactly one ref) points at, if in this input. */
  resolve(reference: unknown): CfnResourceView | undefined;
  /** Every resource of a native type in this input. */
  ofType(nativeType: string): CfnResourceView[];
}

export interface CfnMapping<K extends ModelledKind> {
  readonly kind: K;
  map(view: CfnResourceView, context: CfnMapContext): FactsOf<K>;
}

/**
 * Native types whose content is folded into another canonical resource (a bucket policy into its bucket):
 * they are not emitted on their own when the mapper of the resource they point at pulls them in through
 * `referrers`. `target` names the property that references the owner (used to detect orphans, which are
 * then listed as Unmodelled so nothing is lost).
 */
export interface CfnFold {
  readonly folded: true;
  readonly target: string;
}

// biome-ignore lint/suspicious/noExplicitAny: a table maps each native type to a mapping of its own kind
export type CfnMapperTable = Readonly<Record<string, CfnMapping<any> | CfnFold>>;

/** Declares a mapping with its kind inferred, so `map` must return that kind's facts. */
export function cfnMapping<K extends ModelledKind>(kind: K, map: CfnMapping<K>['map']): CfnMapping<K> {
  return { kind, map };
}

export function folded(target: string): CfnFold {
  return { folded: true, target };
}
