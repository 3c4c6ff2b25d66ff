import type { InlineSuppression, InputError, Resource, Source } from '../../model/resource.js';
import { isRef, isUnknown, type Val } from '../../model/values.js';
import { at } from '../read.js';
import type { CfnFold, CfnMapContext, CfnMapperTable, CfnMapping, CfnResourceView } from './mapper.js';
import { cfnMappers } from './mappers/index.js';
import type { ParsedTemplate } from './parse.js';
import { asRecord, refsIn, TemplateResolver } from './resolve.js';
import { cfnService } from './services.js';

/** One template to turn into canonical resources. */
export interface TemplateUnit {
  readonly template: ParsedTemplate;
  /** Unique key of the template in this scan (its display path); prefixes model ids. */
  readonly templateKey: string;
  readonly stackName: string;
  readonly parameterValues: Readonly<Record<string, unknown>>;
  readonly pseudo: Readonly<Record<string, string>>;
}

interface ViewRecord {
  readonly view: CfnResourceView;
  readonly unit: TemplateUnit;
  readonly raw: Record<string, unknown>;
  readonly references: string[];
  consumed: boolean;
}

export interface BuildOutput {
  readonly resources: Resource[];
  readonly errors: InputError[];
}

/** Resolves every resource of the units, then maps each to its canonical kind (joins pull folded resources). */
export function buildCanonicalResources(
  units: readonly TemplateUnit[],
  mappers: CfnMapperTable = cfnMappers,
): BuildOutput {
  const errors: InputError[] = [];
  const records: ViewRecord[] = [];
  const byModelId = new Map<string, ViewRecord>();
  for (const unit of units) {
    const { template } = unit;
    const resolver = new TemplateResolver({
      templateKey: unit.templateKey,
      body: template.body,
      parameterValues: unit.parameterValues,
      pseudo: unit.pseudo,
      stackName: unit.stackName,
      report: (message, logicalId) =>
        errors.push({
          file: template.file,
          line: logicalId ? template.resourceLines.get(logicalId) : undefined,
          message: logicalId ? `${logicalId}: ${message}` : message,
        }),
    });
    for (const [logicalId, declaration] of Object.entries(
      template.body.Resources as Record<string, unknown>,
    )) {
      const raw = asRecord(declaration);
      const line = template.resourceLines.get(logicalId);
      if (typeof raw.Type !== 'string' || raw.Type === '') {
        errors.push({ file: template.file, line, message: `${logicalId}: resource has no Type` });
        continue;
      }
      if (typeof raw.Condition === 'string') {
        const created = resolver.condition(raw.Condition);
        if (created === false) continue; // not created under these parameters
      }
      const resolved = resolver.resolveFor(logicalId, raw.Properties ?? {});
      const properties = isUnknown(resolved) ? {} : asRecord(resolved);
      const view: CfnResourceView = {
        logicalId,
        modelId: resolver.modelId(logicalId),
        type: raw.Type,
        properties,
        metadata: asRecord(raw.Metadata),
      };
      const record: ViewRecord = {
        view,
        unit,
        raw,
        references: [...new Set(refsIn(properties))],
        consumed: false,
      };
      records.push(record);
      byModelId.set(view.modelId, record);
    }
  }

  const byType = new Map<string, ViewRecord[]>();
  for (const record of records) {
    const list = byType.get(record.view.type);
    if (list) list.push(record);
    else byType.set(record.view.type, [record]);
  }
  // referrers index, built lazily per (type, path): target model id → records
  const referrerIndex = new Map<string, Map<string, ViewRecord[]>>();
  const referrersOf = (type: string, path: string): Map<string, ViewRecord[]> => {
    const key = `${type}\u0000${path}`;
    let index = referrerIndex.get(key);
    if (!index) {
      index = new Map();
      for (const record of byType.get(type) ?? []) {
        for (const target of new Set(refsIn(atPath(record.view.properties, path)))) {
          const list = index.get(target);
          if (list) list.push(record);
          else index.set(target, [record]);
        }
      }
      referrerIndex.set(key, index);
    }
    return index;
  };

  const resources: Resource[] = [];
  for (const record of records) {
    const mapping = mappers[record.view.type];
    if (mapping && 'folded' in mapping) continue;
    let current: ViewRecord = record;
    const joined: Source[] = [];
    const context: CfnMapContext = {
      referrers(nativeType, path, target) {
        const found = referrersOf(nativeType, path).get(target ?? current.view.modelId) ?? [];
        for (const referrer of found) {
          if (!referrer.consumed && (mappers[nativeType] as CfnFold | undefined)?.folded) {
            referrer.consumed = true;
          }
          if (
            !joined.some(
              (source) =>
                source.nativeId === referrer.view.logicalId && source.file === referrer.unit.template.file,
            )
          ) {
            joined.push(sourceOf(referrer));
          }
        }
        return found.map((referrer) => referrer.view);
      },
      resolve(reference) {
        const id = isRef(reference)
          ? reference.$ref
          : isUnknown(reference) && reference.refs?.length === 1
            ? reference.refs[0]
            : undefined;
        return id ? byModelId.get(id)?.view : undefined;
      },
      ofType(nativeType) {
        return (byType.get(nativeType) ?? []).map((item) => item.view);
      },
    };
    current = record;
    let resource: Resource;
    if (mapping) {
      let facts: unknown;
      try {
        facts = (mapping as CfnMapping<never>).map(record.view, context);
      } catch (error) {
        errors.push({
          file: record.unit.template.file,
          line: record.unit.template.resourceLines.get(record.view.logicalId),
          message: `${record.view.logicalId}: could not read ${record.view.type}: ${error instanceof Error ? error.message : String(error)}`,
        });
        facts = undefined;
      }
      resource =
        facts === undefined
          ? unmodelled(record)
          : ({ ...common(record, joined), kind: mapping.kind, facts } as unknown as Resource);
    } else {
      resource = unmodelled(record);
    }
    resources.push(resource);
  }
  // Folded resources nobody pulled in (their owner is in another stack or unknown) are still listed.
  for (const record of records) {
    const mapping = mappers[record.view.type];
    if (mapping && 'folded' in mapping && !record.consumed) resources.push(unmodelled(record));
  }
  return { resources, errors };
}

function atPath(properties: unknown, path: string): unknown {
  return path === '' ? properties : at(properties, path);
}

function sourceOf(record: ViewRecord): Source {
  const { template } = record.unit;
  const cdkPath = record.view.metadata['aws:cdk:path'];
  return {
    format: 'cloudformation',
    file: template.file,
    line: template.resourceLines.get(record.view.logicalId),
    nativeType: record.view.type,
    nativeId: record.view.logicalId,
    cdkPath: typeof cdkPath === 'string' ? cdkPath : undefined,
    stack: record.unit.stackName,
  };
}

function common(record: ViewRecord, joined: Source[]) {
  return {
    id: record.view.modelId,
    service: cfnService(record.view.type),
    source: sourceOf(record),
    joined,
    tags: tagsOf(record.view.properties.Tags),
    references: record.references,
    inlineSuppressions: inlineSuppressionsOf(record),
  };
}

function unmodelled(record: ViewRecord): Resource {
  return {
    ...common(record, []),
    kind: 'Unmodelled',
    facts: { properties: record.view.properties },
  } as Resource;
}

/** Tags as CloudFormation writes them: a list of `{Key, Value}` (most types) or a map (SSM, SAM…). */
function tagsOf(tags: unknown): Record<string, Val<string>> {
  const out: Record<string, Val<string>> = {};
  if (Array.isArray(tags)) {
    for (const tag of tags) {
      const { Key: key, Value: value } = asRecord(tag);
      if (typeof key === 'string')
        out[key] = typeof value === 'string' || isUnknown(value) ? value : String(value ?? '');
    }
  } else if (tags && typeof tags === 'object' && !isUnknown(tags)) {
    for (const [key, value] of Object.entries(tags)) {
      out[key] = typeof value === 'string' || isUnknown(value) ? value : String(value ?? '');
    }
  }
  return out;
}

/** `Metadata: { safeguard: { suppress: [{ rule, reason, expires }] } }` (R-ENG-6). */
function inlineSuppressionsOf(record: ViewRecord): InlineSuppression[] {
  const file = record.unit.template.file;
  const line = record.unit.template.resourceLines.get(record.view.logicalId);
  const entries = asRecord(asRecord(record.raw.Metadata).safeguard).suppress;
  if (entries === undefined) return [];
  const list = Array.isArray(entries) ? entries : [entries];
  return list.map((entry) => {
    const item = asRecord(entry);
    return {
      rule: typeof item.rule === 'string' ? item.rule : '',
      reason: typeof item.reason === 'string' ? item.reason : undefined,
      expires:
        item.expires instanceof Date
          ? item.expires.toISOString().slice(0, 10)
          : typeof item.expires === 'string'
            ? item.expires
            : undefined,
      file,
      line,
    };
  });
}
