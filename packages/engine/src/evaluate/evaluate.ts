import type { Model, Resource } from '../model/resource.js';
import type { AnyRule, PhiBoundary, RuleContext, Verdict } from '../rules/rule.js';
import type { Finding } from './finding.js';

/** Identity of a finding across scans (file moves do not change it): rule, stack, native id. */
export function fingerprintOf(ruleId: string, resource: Resource): string {
  return `${ruleId}|${resource.source.stack ?? ''}|${resource.source.nativeId}`;
}

/**
 * Runs every rule on every resource of its kinds. Pure: the same model and rules give the same findings,
 * in model order then rule order. A rule that throws is reported as an `unknown` finding naming the fault,
 * never a crash and never a silent pass (R-ENG-8).
 */
export function evaluateRules(model: Model, rules: readonly AnyRule[], boundary: PhiBoundary): Finding[] {
  const byKind = new Map<string, AnyRule[]>();
  const everyKind: AnyRule[] = [];
  for (const rule of rules) {
    for (const kind of rule.kinds) {
      if (kind === '*') everyKind.push(rule);
      else {
        const list = byKind.get(kind);
        if (list) list.push(rule);
        else byKind.set(kind, [rule]);
      }
    }
  }
  const context: RuleContext = { model, boundary };
  const findings: Finding[] = [];
  const run = (rule: AnyRule, resource: Resource): void => {
    let verdicts: Verdict | readonly Verdict[];
    try {
      verdicts = rule.check(resource, context);
    } catch (error) {
      verdicts = {
        status: 'unknown',
        message: `rule could not evaluate this resource (${error instanceof Error ? error.message : String(error)})`,
      };
    }
    if (Array.isArray(verdicts)) {
      for (const verdict of verdicts as readonly Verdict[]) record(rule, resource, verdict);
    } else record(rule, resource, verdicts as Verdict);
  };
  // The findings of one resource share its `resource` and `location` objects (they are read-only).
  let where: Where | undefined;
  const record = (rule: AnyRule, resource: Resource, verdict: Verdict): void => {
    if (verdict.status === 'fail' || verdict.status === 'unknown') {
      where ??= whereOf(resource);
      findings.push(findingOf(rule, resource, where, verdict.status, verdict.message));
    }
  };
  for (const resource of model.resources) {
    where = undefined;
    const applicable = byKind.get(resource.kind);
    if (applicable) for (const rule of applicable) run(rule, resource);
    for (const rule of everyKind) run(rule, resource);
  }
  return findings;
}

type Where = Pick<Finding, 'resource' | 'location'>;

function whereOf(resource: Resource): Where {
  return {
    resource: {
      id: resource.source.nativeId,
      modelId: resource.id,
      type: resource.source.nativeType,
      kind: resource.kind,
      path: resource.source.cdkPath,
      stack: resource.source.stack,
    },
    location: { file: resource.source.file, line: resource.source.line },
  };
}

function findingOf(
  rule: AnyRule,
  resource: Resource,
  where: Where,
  status: 'fail' | 'unknown',
  message: string,
): Finding {
  return {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    status,
    message: status === 'unknown' ? `cannot verify: ${message}` : message,
    resource: where.resource,
    location: where.location,
    controls: rule.controls,
    suppressed: false,
    fingerprint: fingerprintOf(rule.id, resource),
  };
}
