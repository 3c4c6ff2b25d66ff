import {
  type Catalog,
  type Control,
  type CrosswalkRow,
  FRAMEWORK_IDS,
  type Framework,
  type FrameworkId,
  type FrameworkOverlap,
  isFrameworkId,
  type OverlapReport,
  type Requirement,
} from './model.js';

/** Builds the queryable catalog from data that `load.ts` has already validated. */
export function buildCatalog(
  frameworks: ReadonlyMap<FrameworkId, Framework>,
  controls: readonly Control[],
): Catalog {
  return new ControlCatalog(frameworks, controls);
}

class ControlCatalog implements Catalog {
  readonly frameworks: ReadonlyMap<FrameworkId, Framework>;
  readonly controls: ReadonlyMap<string, Control>;
  private readonly requirementsById = new Map<FrameworkId, Map<string, Requirement>>();
  /** framework → requirement id → controls citing it, in catalog order. */
  private readonly citedBy = new Map<FrameworkId, Map<string, Control[]>>();

  constructor(frameworks: ReadonlyMap<FrameworkId, Framework>, controls: readonly Control[]) {
    this.frameworks = frameworks;
    this.controls = new Map(controls.map((control) => [control.id, control]));
    for (const [id, framework] of frameworks) {
      this.requirementsById.set(
        id,
        new Map(framework.requirements.map((requirement) => [requirement.id, requirement])),
      );
      this.citedBy.set(id, new Map());
    }
    for (const control of controls) {
      for (const framework of FRAMEWORK_IDS) {
        const index = this.citedBy.get(framework);
        if (!index) continue;
        for (const citation of control.citations[framework]) {
          const list = index.get(citation);
          if (list) list.push(control);
          else index.set(citation, [control]);
        }
      }
    }
  }

  control(id: string): Control {
    const control = this.controls.get(id);
    if (control) return control;
    const near = [...this.controls.keys()]
      .filter((known) => known.includes(id) || id.includes(known))
      .slice(0, 3);
    throw new RangeError(
      `unknown catalog control "${id}"${near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(', ')}?)` : ''}; ` +
        'controls are defined in packages/catalog/data/controls.yaml',
    );
  }

  hasControl(id: string): boolean {
    return this.controls.has(id);
  }

  requirement(framework: FrameworkId, id: string): Requirement | undefined {
    return this.requirementsById.get(framework)?.get(id);
  }

  controlsFor(framework: FrameworkId, requirementId: string): Control[] {
    return [...(this.citedBy.get(framework)?.get(requirementId) ?? [])];
  }

  crosswalk(a: FrameworkId, b: FrameworkId): CrosswalkRow[] {
    const from = this.framework(a);
    const to = this.framework(b);
    return from.requirements.map((requirement) => {
      const controls = this.controlsFor(a, requirement.id);
      // Target requirements in b's own order, each with the controls that connect it to `requirement`.
      const via = new Map<string, string[]>();
      for (const control of controls) {
        for (const citation of control.citations[b]) {
          const list = via.get(citation);
          if (list) list.push(control.id);
          else via.set(citation, [control.id]);
        }
      }
      const targets = to.requirements
        .filter((target) => via.has(target.id))
        .map((target) => ({ requirement: target, controls: via.get(target.id) ?? [] }));
      return { from: requirement, controls: controls.map((control) => control.id), to: targets };
    });
  }

  overlap(frameworks: readonly FrameworkId[]): OverlapReport {
    const listed = [...new Set(frameworks)];
    for (const id of listed) this.framework(id);

    const perFramework: FrameworkOverlap[] = listed.map((framework) => {
      const requirements = this.framework(framework).requirements;
      let touched = 0;
      let shared = 0;
      for (const requirement of requirements) {
        const controls = this.controlsFor(framework, requirement.id);
        if (controls.length === 0) continue;
        touched++;
        // Shared: some control that serves this requirement also serves another listed framework,
        // so the one implementation moves both frameworks' status.
        const servesAnother = controls.some((control) =>
          listed.some((other) => other !== framework && control.citations[other].length > 0),
        );
        if (servesAnother) shared++;
      }
      return {
        framework,
        total: requirements.length,
        touched,
        shared,
        coveragePercentage: percent(touched, requirements.length),
      };
    });

    const sum = (pick: (entry: FrameworkOverlap) => number) =>
      perFramework.reduce((total, entry) => total + pick(entry), 0);
    const totalRequirements = sum((entry) => entry.total);
    const touchedRequirements = sum((entry) => entry.touched);
    const sharedRequirements = sum((entry) => entry.shared);
    return {
      frameworks: listed,
      totalRequirements,
      touchedRequirements,
      sharedRequirements,
      percentage: percent(sharedRequirements, touchedRequirements),
      percentageOfAll: percent(sharedRequirements, totalRequirements),
      perFramework,
    };
  }

  private framework(id: FrameworkId): Framework {
    const framework = isFrameworkId(id) ? this.frameworks.get(id) : undefined;
    if (!framework) {
      throw new RangeError(`unknown framework "${String(id)}"; use one of ${FRAMEWORK_IDS.join(', ')}`);
    }
    return framework;
  }
}

/** part / whole in percent, one decimal; 0 when the whole is empty. */
function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
