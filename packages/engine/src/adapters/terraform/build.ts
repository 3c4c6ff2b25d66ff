import type { InlineSuppression, InputError, Resource, Source } from '../../model/resource.js';
import { isUnknown, type Val } from '../../model/values.js';
import { type JoinRecord, type JoinTable, joinAndMap, refsIn } from '../join.js';
import type { TfMapperTable, TfResourceView } from './mapper.js';
import { tfMappers } from './mappers/index.js';
import { tfService } from './services.js';

/** One resource instance from a plan or an HCL folder, before mapping. */
export interface TfInstance {
  readonly format: 'terraform-plan' | 'terraform-hcl';
  /** Unique key of the input (plan file or folder display path); prefixes model ids. */
  readonly inputKey: string;
  /** Full instance address: `module.app.aws_s3_bucket.docs["a"]`. */
  readonly address: string;
  readonly type: string;
  /** Resolved values: nested blocks as lists of objects, `Unknown` after apply, `ResourceRef` for references. */
  readonly values: Readonly<Record<string, unknown>>;
  /** File and line of the resource block (the .tf file; for a plan without configuration lines, the plan). */
  readonly file: string;
  readonly line?: number;
  /** Module address (`module.app`), empty for the root module. */
  readonly module: string;
  readonly region?: string;
  readonly inlineSuppressions: readonly InlineSuppression[];
  /** References the configuration makes that the values no longer show (a known ARN in a policy document). */
  readonly references?: readonly string[];
}

export function tfModelId(inputKey: string, address: string): string {
  return `${inputKey}#${address}`;
}

/** Attribute values that other resources may use to name this one (`bucket = "clinic-notes"`). */
const IDENTITY_ATTRIBUTES = ['id', 'arn', 'name', 'bucket', 'function_name', 'key_id', 'role', 'name_prefix'];

function tagsOf(values: Readonly<Record<string, unknown>>): Record<string, Val<string>> {
  const source =
    values.tags_all && typeof values.tags_all === 'object' && !isUnknown(values.tags_all)
      ? values.tags_all
      : values.tags;
  const out: Record<string, Val<string>> = {};
  if (source && typeof source === 'object' && !Array.isArray(source) && !isUnknown(source)) {
    for (const [key, value] of Object.entries(source)) {
      out[key] = typeof value === 'string' || isUnknown(value) ? value : String(value ?? '');
    }
  }
  return out;
}

/** Maps Terraform resource instances to canonical resources with the shared join mechanism. */
export function buildTerraformResources(
  instances: readonly TfInstance[],
  errors: InputError[],
  mappers: TfMapperTable = tfMappers,
): Resource[] {
  const records: JoinRecord<TfResourceView>[] = instances.map((instance) => {
    const modelId = tfModelId(instance.inputKey, instance.address);
    const source: Source = {
      format: instance.format,
      file: instance.file,
      line: instance.line,
      nativeType: instance.type,
      nativeId: instance.address,
      stack: instance.module || undefined,
    };
    const identities = IDENTITY_ATTRIBUTES.map((key) => instance.values[key]).filter(
      (value): value is string => typeof value === 'string' && value !== '',
    );
    return {
      view: {
        address: instance.address,
        modelId,
        type: instance.type,
        values: instance.values,
        region: instance.region,
      },
      modelId,
      type: instance.type,
      properties: instance.values,
      identities,
      source,
      common: {
        id: modelId,
        service: tfService(instance.type),
        tags: tagsOf(instance.values),
        references: [...new Set([...refsIn(instance.values), ...(instance.references ?? [])])].filter(
          (id) => id !== modelId,
        ),
        inlineSuppressions: instance.inlineSuppressions,
      },
      errorAt: { file: instance.file, line: instance.line, label: instance.address },
    };
  });
  return joinAndMap(records, mappers as JoinTable<TfResourceView>, errors);
}
