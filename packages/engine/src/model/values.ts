/**
 * Values in the canonical model. A fact an input does not determine (an unresolved `!Ref`, a Terraform
 * "known after apply") is an explicit {@link Unknown}, never `undefined` and never a guess: a rule
 * treats it as "cannot prove compliant" and says so.
 */
export interface Unknown {
  readonly $unknown: string;
  /** Model ids of resources the unresolved expression mentions (kept so joins and the PHI boundary still see them). */
  readonly refs?: readonly string[];
  /**
   * The input parameter without a value that the expression is, or embeds (`!Ref DbPassword`,
   * `!Sub 'postgres://app:${DbPassword}@db'`). `noEcho`: declared `NoEcho: true` (a Terraform `sensitive` variable),
   * i.e. a secret, which a rule can then find where it is stored in plaintext. An expression embedding several
   * parameters names a NoEcho one first.
   */
  readonly parameter?: ParameterSource;
  /**
   * Every value the expression can take, when that set is finite and each is literal (`Fn::FindInMap` over a
   * literal mapping whose key is known only at deploy time, `Fn::If` on an undecided condition). Absent: any value.
   */
  readonly candidates?: readonly unknown[];
  /**
   * The text of a string built from literal parts and deploy-time ones (`Fn::Sub`, `Fn::Join`), each deploy-time
   * part written `*`: `arn:aws:securityhub:*::standards/cis-aws-foundations-benchmark/v/3.0.0`. A rule may match
   * its literal parts (which standard, which service) but never read a `*` as a value.
   */
  readonly pattern?: string;
  /**
   * The value another stack exports (`Fn::ImportValue`): one non-empty value — an ARN, id or name of one of its
   * resources, never an IAM wildcard — whose text this input does not hold.
   */
  readonly imported?: true;
}

/** A parameter (CloudFormation `Parameters`, Terraform `variable`) a value comes from; never its value. */
export interface ParameterSource {
  readonly name: string;
  readonly noEcho: boolean;
}

/** A fact: known, or explicitly unknown with a reason. */
export type Val<T> = T | Unknown;

export function unknown(
  reason: string,
  refs?: readonly string[],
  extra?: Pick<Unknown, 'parameter' | 'candidates' | 'pattern' | 'imported'>,
): Unknown {
  const base: Unknown = refs && refs.length > 0 ? { $unknown: reason, refs } : { $unknown: reason };
  if (
    extra?.parameter === undefined &&
    extra?.candidates === undefined &&
    extra?.pattern === undefined &&
    extra?.imported === undefined
  )
    return base;
  return {
    ...base,
    ...(extra.parameter ? { parameter: extra.parameter } : {}),
    ...(extra.candidates ? { candidates: extra.candidates } : {}),
    ...(extra.pattern !== undefined ? { pattern: extra.pattern } : {}),
    ...(extra.imported ? { imported: true as const } : {}),
  };
}

/**
 * Whether a string fact matches `test`: a known string is tested as is; an unknown built from literal and
 * deploy-time parts is tested on its {@link Unknown.pattern} (deploy-time parts as `*`), so only tests about its
 * literal text (`/standards\/cis-aws-foundations-benchmark\//`) can be decided. `undefined`: not a string.
 */
export function stringMatches(value: unknown, test: RegExp): boolean | undefined {
  if (typeof value === 'string') return test.test(value);
  if (isUnknown(value) && value.pattern !== undefined) return test.test(value.pattern);
  return undefined;
}

/**
 * The values a fact can take: `[value]` when known, the candidates of an unknown that has a finite set, or
 * `undefined` when it can be anything. Candidates may themselves be lists or objects (a mapping's entry).
 */
export function possibleValues(value: unknown): readonly unknown[] | undefined {
  if (!isUnknown(value)) return [value];
  return value.candidates;
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
