import type { Model, ModelledKind, Resource } from '../model/resource.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** Input formats a rule can judge; a rule that cannot judge one says so in `notApplicable`. */
export type InputFormat = 'cloudformation' | 'terraform';

/**
 * The outcome of one rule on one resource.
 * - `fail`: the resource is proven non-compliant.
 * - `unknown`: a fact the rule needs is unknown (unresolved reference, known after apply), so compliance
 *   cannot be proven; reported as a finding that says so.
 * - `skip`: the rule does not concern this resource (e.g. an HTTP listener rule on a TCP listener).
 */
export type Verdict =
  | { readonly status: 'pass' }
  | { readonly status: 'skip' }
  | { readonly status: 'fail'; readonly message: string }
  | { readonly status: 'unknown'; readonly message: string };

export const pass: Verdict = { status: 'pass' };
export const skip: Verdict = { status: 'skip' };
export function fail(message: string): Verdict {
  return { status: 'fail', message };
}
export function cannotVerify(message: string): Verdict {
  return { status: 'unknown', message };
}

/** Membership of the PHI boundary (R-ENG-4), computed once per model. */
export interface PhiBoundary {
  has(resourceId: string): boolean;
  /** Why the resource is inside: `tag DataClassification=PHI`, `reads PHI resource Table`, … */
  reason(resourceId: string): string | undefined;
  readonly size: number;
}

export interface RuleContext {
  readonly model: Model;
  readonly boundary: PhiBoundary;
}

export interface Rule<K extends ModelledKind = ModelledKind> {
  /** Stable kebab-case id with a service prefix: `s3-bucket-sse-kms`. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** Why it matters for ePHI, in one or two sentences. */
  readonly rationale: string;
  readonly remediation: {
    readonly cloudformation: string;
    readonly terraform: string;
    readonly console: string;
  };
  /** Catalog control ids; framework citations are reached only through the catalog. */
  readonly controls: readonly string[];
  /** Kinds the rule judges; `'*'` judges every resource, modelled or not (the BAA gate). */
  readonly kinds: readonly (K | '*')[];
  /** Equivalent checks of other tools, for the coverage table and comparison. */
  readonly equivalents?: {
    readonly cdkNag?: readonly string[];
    readonly awsConfig?: readonly string[];
  };
  /** Input formats this rule cannot judge, each with the reason. */
  readonly notApplicable?: Partial<Record<InputFormat, string>>;
  check(resource: Resource<K>, context: RuleContext): Verdict | readonly Verdict[];
}

/** Declares a rule with its kinds inferred, so `check` receives correctly typed facts. */
export function defineRule<K extends ModelledKind>(rule: Rule<K>): Rule<K> {
  return rule;
}

/** A rule of any kind, as held in the registry. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds rules of every kind; each is type-checked where defined
export type AnyRule = Rule<any>;
