/**
 * Values in the canonical model. A fact an input does not determine (an unresolved `!Ref`, a Terraform
 * "known after apply") is an explicit {@link Unknown}, never `undefined` and never a guess: a rule
 * treats it as "cannot prove compliant" and says so.
 */
export interface Unknown {
  readonly $unknown: string;
  /** Model ids of resources the unresolved expression mentions (kept so joins and the PHI boundary still see them). */
  readonly refs?: readonly string[];
}

/** A fact: known, or explicitly unknown with a reason. */
export type Val<T> = T | Unknown;

export function unknown(reason: string, refs?: readonly string[]): Unknown {
  return refs && refs.length > 0 ? { $unknown: reason, refs } : { $unknown: reason };
}

export function isUnknown(value: unknown): value is Unknown {
  return typeof value === 'object' && value !== null && '$unknown' in value;
}

/** A reference to another resource of the same model (a CloudFormation `Ref`/`GetAtt`, a Terraform reference). */
export interface ResourceRef {
  readonly $ref: string;
  readonly attribute?: string;
}

export function isRef(value: unknown): value is ResourceRef {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

export function isKnown<T>(value: Val<T>): value is T {
  return !isUnknown(value);
}

/** True only when the value is known and strictly equal to `expected`. */
export function isTrue(value: Val<boolean> | undefined): boolean {
  return value === true;
}

/** A short human description of a fact for messages: `"aws:kms"`, `unknown (the value of parameter Env, which has none)`. */
export function describeVal(value: unknown): string {
  if (isUnknown(value)) return `unknown (${value.$unknown})`;
  if (isRef(value)) return value.attribute ? `${value.$ref}.${value.attribute}` : value.$ref;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'not set';
  return JSON.stringify(value);
}
