import { Annotations, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * An explicit, reasoned deviation from a HIPAA default. Every construct in this package refuses a prop that
 * would break a HIPAA requirement unless the matching `overrides.<name>` carries one of these.
 *
 * The reason is recorded in the synthesized template (`Metadata.SafeguardHipaaOverrides` of the stack) and
 * shown as a synth warning, so reviewers and the Safeguard engine see every deviation.
 */
export interface HipaaOverride {
  /**
   * Why the deviation is acceptable: what compensates for it, who accepted the risk. At least
   * {@link MIN_OVERRIDE_REASON_LENGTH} characters and four words; placeholders ("todo", "n/a", "test") are refused.
   */
  readonly reason: string;
}

/** Shortest reason accepted for an override. */
export const MIN_OVERRIDE_REASON_LENGTH = 20;

const PLACEHOLDER =
  /^(?:todo|tbd|tba|n\/?a|none|null|test(?:ing)?|temp(?:orary)?|because|override|ok|fine|ignore|x+|\.+|-+|\?+)$/i;

/** One recorded override, as written into the stack template metadata. */
export interface RecordedOverride {
  readonly path: string;
  readonly requirement: string;
  readonly reason: string;
}

const recordedByStack = new WeakMap<Stack, RecordedOverride[]>();

/** The override reason problem, or undefined when the reason is acceptable. */
export function overrideReasonProblem(override: HipaaOverride): string | undefined {
  const reason = typeof override?.reason === 'string' ? override.reason.trim() : '';
  if (reason.length === 0) return 'the reason is empty';
  if (PLACEHOLDER.test(reason)) return `"${reason}" is a placeholder, not a reason`;
  if (reason.length < MIN_OVERRIDE_REASON_LENGTH) {
    return `the reason is ${reason.length} characters; at least ${MIN_OVERRIDE_REASON_LENGTH} are required`;
  }
  if (reason.split(/\s+/).length < 4) return 'the reason must be a sentence (four words or more)';
  return undefined;
}

/** Where a HIPAA check stands and how to fix it, for {@link requireHipaa}. */
export interface HipaaCheck {
  /** Short name of the requirement, e.g. `log retention ≥ 2192 days`. */
  readonly requirement: string;
  /** The requirement id and regulation, e.g. `R-INF-7, 45 CFR 164.316(b)(2)(i)`. */
  readonly citation: string;
  /** What the user should change to comply. */
  readonly fix: string;
  /** The prop path of the override that would accept the deviation, e.g. `overrides.retention`. */
  readonly overrideProp: string;
  /**
   * cdk-nag rule ids the deviation trips; an accepted override acknowledges them on this construct with the
   * override's reason, so a reasoned deviation is one decision, not two.
   */
  readonly nagRuleIds?: readonly string[];
}

/**
 * Fails synth when `compliant` is false, unless an override with an acceptable reason is given.
 * An accepted override is recorded in the stack's template metadata and shown as a warning.
 */
export function requireHipaa(
  scope: IConstruct,
  compliant: boolean,
  check: HipaaCheck,
  override: HipaaOverride | undefined,
): void {
  if (compliant) return;
  const where = scope.node.path;
  if (override === undefined) {
    throw new Error(
      `${where}: ${check.requirement} is required (${check.citation}). ${check.fix}. ` +
        `To deviate deliberately, pass ${check.overrideProp}: { reason: '<why, and what compensates>' }.`,
    );
  }
  const problem = overrideReasonProblem(override);
  if (problem !== undefined) {
    throw new Error(
      `${where}: override ${check.overrideProp} of "${check.requirement}" (${check.citation}) refused: ${problem}. ` +
        `Explain why the deviation is acceptable and what compensates for it.`,
    );
  }
  const reason = override.reason.trim();
  recordOverride(scope, { path: where, requirement: check.requirement, reason });
  for (const id of check.nagRuleIds ?? []) {
    Validations.of(scope).acknowledge({ id, reason: `${OVERRIDE_ACKNOWLEDGEMENT_PREFIX}${reason}` });
  }
}

/** Prefix of the reason of a cdk-nag acknowledgement that comes from an accepted {@link HipaaOverride}. */
export const OVERRIDE_ACKNOWLEDGEMENT_PREFIX = 'HIPAA override: ';

function recordOverride(scope: IConstruct, entry: RecordedOverride): void {
  const stack = Stack.of(scope);
  let list = recordedByStack.get(stack);
  if (list === undefined) {
    list = [];
    recordedByStack.set(stack, list);
    stack.addMetadata('SafeguardHipaaOverrides', list);
  }
  list.push(entry);
  Annotations.of(scope).addWarningV2(
    '@safeguard/cdk:hipaa-override',
    `HIPAA override: ${entry.requirement} — ${entry.reason}`,
  );
}

/** Overrides accepted so far in a stack (what its template metadata will list). */
export function overridesOf(stack: Stack): readonly RecordedOverride[] {
  return recordedByStack.get(stack) ?? [];
}
