import type { InlineSuppression, InputError, Resource, Source } from '../../model/resource.js';
import { isUnknown, type Val } from '../../model/values.js';
import { type JoinRecord, type JoinTable, joinAndMap, refsIn } from '../join.js';
import type { CfnMapperTable, CfnResourceView } from './mapper.js';
import { cfnMappers } from './mappers/index.js';
import type { ParsedTemplate } from './parse.js';
import { asRecord, TemplateResolver } from './resolve.js';
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
      if (logicalId.startsWith('Fn::ForEach::')) {
        errors.push({
          file: template.file,
          line,
          message: `${logicalId}: Fn::ForEach (AWS::LanguageExtensions) is not expanded yet; the resources it declares are not judged`,
        });
        continue;
      }
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
      };
      records.push(record);
    }
  }

  const joinRecords: JoinRecord<CfnResourceView>[] = records.map((record) => ({
    view: record.view,
    modelId: record.view.modelId,
    type: record.view.type,
    properties: record.view.properties,
    source: sourceOf(record),
    common: common(record),
    errorAt: {
      file: record.unit.template.file,
      line: record.unit.template.resourceLines.get(record.view.logicalId),
      label: record.view.logicalId,
    },
  }));
  const resources = joinAndMap(joinRecords, mappers as JoinTable<CfnResourceView>, errors);
  return { resources, errors };
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

function common(record: ViewRecord) {
  return {
    id: record.view.modelId,
    service: cfnService(record.view.type),
    tags: tagsOf(record.view.properties.Tags),
    references: record.references,
    inlineSuppressions: inlineSuppressionsOf(record),
  };
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
