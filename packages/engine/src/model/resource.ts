import type { Val } from './values.js';

/** Where a canonical resource came from; every finding points back here. */
export interface Source {
  /** Input format of the adapter that produced it. */
  readonly format: 'cloudformation' | 'terraform-plan' | 'terraform-hcl' | 'aws';
  /** File the resource was declared in (relative to the scan root where possible). */
  readonly file: string;
  /** 1-based line of the resource's declaration, when the input has lines. */
  readonly line?: number;
  /** Native type: `AWS::S3::Bucket`, `aws_s3_bucket`. */
  readonly nativeType: string;
  /** Native id: CloudFormation logical id, Terraform address, ARN. */
  readonly nativeId: string;
  /** CDK construct path (`aws:cdk:path` metadata) when the template came from CDK. */
  readonly cdkPath?: string;
  /** Stack (CloudFormation/CDK) or module (Terraform) the resource belongs to. */
  readonly stack?: string;
}

/**
 * Canonical kinds register their facts here by declaration merging, one file per service under
 * `model/kinds/` (e.g. `declare module '../resource.js' { interface KindFacts { Bucket: BucketFacts } }`),
 * so adding a kind touches one new file and the kinds index.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in model/kinds/*.ts
export interface KindFacts {}

export type ModelledKind = keyof KindFacts;
/** Native resource types with no canonical kind yet are still listed (inventory, BAA gate). */
export type Kind = ModelledKind | 'Unmodelled';

export interface UnmodelledFacts {
  /** The native properties, resolved as far as the adapter could. */
  readonly properties: Readonly<Record<string, unknown>>;
}

export type FactsOf<K extends Kind> = K extends ModelledKind ? KindFacts[K] : UnmodelledFacts;

interface ResourceCommon {
  /** Unique within a model: `<file or stack>#<native id>`. */
  readonly id: string;
  /** AWS service key of the native type (`s3`, `rds`, `lambda`…), used by the BAA eligibility gate. */
  readonly service: string;
  readonly source: Source;
  /** Native resources folded into this one (a bucket policy into its bucket, an ingress rule into its group). */
  readonly joined: Source[];
  readonly tags: Readonly<Record<string, Val<string>>>;
  /** Model ids this resource references anywhere in its declaration (for the PHI boundary). */
  readonly references: readonly string[];
  /** Adapter-specific suppressions declared inline (CloudFormation Metadata, Terraform comments). */
  readonly inlineSuppressions: readonly InlineSuppression[];
}

export type Resource<K extends Kind = Kind> = K extends Kind
  ? ResourceCommon & { readonly kind: K; readonly facts: FactsOf<K> }
  : never;

export interface InlineSuppression {
  readonly rule: string;
  readonly reason?: string;
  /** ISO date `YYYY-MM-DD`; past it the suppression no longer applies and is reported as expired. */
  readonly expires?: string;
  /** Where it was declared, for error messages. */
  readonly file: string;
  readonly line?: number;
}

/** A problem reading an input: never fatal to the scan, always reported (R-ENG-8). */
export interface InputError {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export interface Model {
  readonly resources: readonly Resource[];
  /** Lookup by model id. */
  get(id: string): Resource | undefined;
  /** Every resource of one kind, from an index built once: rules that look across the model stay linear. */
  ofKind<K extends Kind>(kind: K): readonly Resource<K>[];
  /**
   * A value computed once per model and shared by every call with the same key (e.g. a rule's map of roles
   * to the functions using them), so a rule that needs a model-wide view does not rescan per resource.
   */
  memo<T>(key: string, compute: () => T): T;
  readonly errors: readonly InputError[];
  /** Input files read, for reports. */
  readonly inputs: readonly string[];
}

export function isKind<K extends Kind>(resource: Resource, kind: K): resource is Resource<K> {
  return resource.kind === kind;
}
