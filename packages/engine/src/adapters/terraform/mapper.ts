import type { FactsOf, ModelledKind } from '../../model/resource.js';
import type { JoinContext } from '../join.js';

/**
 * A Terraform resource instance as a mapping sees it, from plan JSON or an HCL folder alike. `values` are
 * the attribute values with nested blocks as lists of objects (as `terraform show -json` writes them);
 * a value known only after apply is an explicit `Unknown`, and an attribute whose expression references
 * another resource of the input is a `ResourceRef` (`{ $ref: <model id>, attribute }`) — so joins such as
 * `aws_s3_bucket_versioning.bucket = aws_s3_bucket.docs.id` hold even when the id is unknown.
 */
export interface TfResourceView {
  /** Full instance address: `module.app.aws_s3_bucket.docs["a"]`. */
  readonly address: string;
  /** Model id: `<input key>#<address>`. */
  readonly modelId: string;
  readonly type: string;
  readonly values: Readonly<Record<string, unknown>>;
  /** Provider region of the instance (provider configuration, including aliases), when known. */
  readonly region?: string;
}

/** The same lookups as every adapter: `referrers` also matches literal identities (a bucket named by its name). */
export type TfMapContext = JoinContext<TfResourceView>;

export interface TfMapping<K extends ModelledKind> {
  readonly kind: K;
  map(view: TfResourceView, context: TfMapContext): FactsOf<K>;
}

export interface TfFold {
  readonly folded: true;
  readonly target: string;
}

// biome-ignore lint/suspicious/noExplicitAny: a table maps each native type to a mapping of its own kind
export type TfMapperTable = Readonly<Record<string, TfMapping<any> | TfFold>>;

export function tfMapping<K extends ModelledKind>(kind: K, map: TfMapping<K>['map']): TfMapping<K> {
  return { kind, map };
}

/** A Terraform type folded into its owner, e.g. `aws_s3_bucket_versioning` by its `bucket` attribute. */
export function tfFolded(target: string): TfFold {
  return { folded: true, target };
}

/** First block of a nested-block list (`versioning_configuration[0]`), or the value itself if it is an object. */
export function block(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}
