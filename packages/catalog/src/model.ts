/** The frameworks Safeguard maps its controls to. Each has `data/frameworks/<id>.yaml`. */
export const FRAMEWORK_IDS = ['hipaa', 'soc2', 'gdpr', 'hitrust'] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

export function isFrameworkId(value: unknown): value is FrameworkId {
  return typeof value === 'string' && (FRAMEWORK_IDS as readonly string[]).includes(value);
}

/**
 * Kinds of requirement. HIPAA distinguishes standards from implementation specifications; SOC 2 has
 * criteria; GDPR provisions (article paragraphs and points); HITRUST control references.
 */
export const REQUIREMENT_TYPES = ['standard', 'specification', 'criterion', 'provision', 'control'] as const;
export type RequirementType = (typeof REQUIREMENT_TYPES)[number];

/** HIPAA's marking of an implementation specification (45 CFR 164.306(d)). */
export const HIPAA_MARKINGS = ['required', 'addressable'] as const;
export type HipaaMarking = (typeof HIPAA_MARKINGS)[number];

export interface Source {
  readonly title: string;
  readonly publisher: string;
  readonly url: string;
  readonly version?: string;
  /** ISO date (YYYY-MM-DD) of the text the file was written from. */
  readonly date: string;
}

export interface Requirement {
  readonly framework: FrameworkId;
  /** The id exactly as the framework writes it, e.g. `164.312(a)(2)(iv)`, `CC6.1`, `32(1)(a)`, `09.aa`. */
  readonly id: string;
  readonly title: string;
  readonly type: RequirementType;
  /** For a HIPAA implementation specification: its standard. */
  readonly parent?: string;
  /**
   * HIPAA only: `required` or `addressable` on every implementation specification, and `required`
   * on a standard that has no implementation specifications (the standard is its own specification).
   */
  readonly requirement?: HipaaMarking;
  readonly section?: string;
}

export interface Framework {
  readonly id: FrameworkId;
  readonly name: string;
  readonly version: string;
  readonly source: Source;
  /** In the order of the data file, which follows the framework's own order. */
  readonly requirements: readonly Requirement[];
}

export interface Control {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Where the mapping comes from: published crosswalks, criterion text, engineering judgement. */
  readonly basis: string;
  /** Requirement ids per framework; every one exists in that framework. HIPAA is never empty. */
  readonly citations: Readonly<Record<FrameworkId, readonly string[]>>;
}

/** One requirement of framework `a` and what it reaches in framework `b` through shared controls. */
export interface CrosswalkRow {
  readonly from: Requirement;
  /** Controls that cite `from` (empty when no Safeguard control touches it). */
  readonly controls: readonly string[];
  readonly to: readonly CrosswalkTarget[];
}

export interface CrosswalkTarget {
  readonly requirement: Requirement;
  /** The controls that cite both `from` and this requirement. */
  readonly controls: readonly string[];
}

export interface FrameworkOverlap {
  readonly framework: FrameworkId;
  /** Requirements in the framework's data file. */
  readonly total: number;
  /** Requirements cited by at least one control. */
  readonly touched: number;
  /** Touched requirements cited by a control that also cites another framework of the report. */
  readonly shared: number;
  /** touched / total, in percent, one decimal. */
  readonly coveragePercentage: number;
}

/** See docs/catalog.md, "Overlap", for the exact definition. */
export interface OverlapReport {
  readonly frameworks: readonly FrameworkId[];
  /** All requirements of the listed frameworks. */
  readonly totalRequirements: number;
  /** Requirements (of the listed frameworks) cited by at least one control. */
  readonly touchedRequirements: number;
  /** Touched requirements served by a control that also serves another listed framework. */
  readonly sharedRequirements: number;
  /** shared / touched, in percent, one decimal: the overlap figure. */
  readonly percentage: number;
  /** shared / total, in percent, one decimal: the same overlap measured against whole frameworks. */
  readonly percentageOfAll: number;
  readonly perFramework: readonly FrameworkOverlap[];
}

export interface Catalog {
  readonly frameworks: ReadonlyMap<FrameworkId, Framework>;
  readonly controls: ReadonlyMap<string, Control>;
  /** The control with this id; throws a RangeError naming the id if there is none. */
  control(id: string): Control;
  hasControl(id: string): boolean;
  requirement(framework: FrameworkId, id: string): Requirement | undefined;
  /** Controls that cite this requirement, in catalog order. */
  controlsFor(framework: FrameworkId, requirementId: string): Control[];
  crosswalk(a: FrameworkId, b: FrameworkId): CrosswalkRow[];
  overlap(frameworks: readonly FrameworkId[]): OverlapReport;
}
