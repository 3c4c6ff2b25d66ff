import type { TrailS3DataEvents } from '../model/kinds/cloudtrail.js';
import { isRef, isUnknown, type ResourceRef, unknown, type Val } from '../model/values.js';
import { at, bool, list, str } from './read.js';

/**
 * CloudTrail event selectors, as every input spells them: CloudFormation and live AWS use PascalCase keys
 * (`EventSelectors[].DataResources[].Values`), Terraform snake_case blocks (`event_selector[].data_resource[]
 * .values`). One reading of what they record, so a trail is judged the same whatever declared it.
 */
export interface SelectorKeys {
  readonly includeManagementEvents: string;
  readonly readWriteType: string;
  readonly dataResources: string;
  readonly type: string;
  readonly values: string;
  readonly fieldSelectors: string;
  readonly field: string;
  readonly equals: string;
  readonly startsWith: string;
  readonly notEquals: string;
  readonly notStartsWith: string;
}

export const CLOUDFORMATION_SELECTOR_KEYS: SelectorKeys = {
  includeManagementEvents: 'IncludeManagementEvents',
  readWriteType: 'ReadWriteType',
  dataResources: 'DataResources',
  type: 'Type',
  values: 'Values',
  fieldSelectors: 'FieldSelectors',
  field: 'Field',
  equals: 'Equals',
  startsWith: 'StartsWith',
  notEquals: 'NotEquals',
  notStartsWith: 'NotStartsWith',
};

export const TERRAFORM_SELECTOR_KEYS: SelectorKeys = {
  includeManagementEvents: 'include_management_events',
  readWriteType: 'read_write_type',
  dataResources: 'data_resource',
  type: 'type',
  values: 'values',
  fieldSelectors: 'field_selector',
  field: 'field',
  equals: 'equals',
  startsWith: 'starts_with',
  notEquals: 'not_equals',
  notStartsWith: 'not_starts_with',
};

/** Whether the trail records management events (true when it has no selectors at all). */
export function managementEventsOf(
  selectors: Val<readonly unknown[]>,
  advanced: Val<readonly unknown[]>,
  keys: SelectorKeys,
): Val<boolean> {
  if (isUnknown(selectors)) return selectors;
  if (isUnknown(advanced)) return advanced;
  if (selectors.length === 0 && advanced.length === 0) return true;
  for (const selector of selectors) {
    const include = bool(at(selector, keys.includeManagementEvents), true);
    if (include !== false) return include;
  }
  for (const selector of advanced) {
    const category = fieldSelector(selector, 'eventCategory', keys);
    if (category && listIncludes(category[keys.equals], 'Management')) return true;
  }
  return false;
}

/** The S3 data events the trail records, from basic and advanced selectors. */
export function s3DataEventsOf(
  selectors: Val<readonly unknown[]>,
  advanced: Val<readonly unknown[]>,
  keys: SelectorKeys,
): Val<readonly TrailS3DataEvents[]> {
  if (isUnknown(selectors)) return selectors;
  if (isUnknown(advanced)) return advanced;
  return [
    ...selectors.flatMap((selector) => basicS3DataEvents(selector, keys)),
    ...advanced.flatMap((selector) => advancedS3DataEvents(selector, keys)),
  ];
}

const S3_ALL = /^arn:aws[-a-z]*:s3(:::)?$/;
const S3_BUCKET = /^arn:aws[-a-z]*:s3:::([^/]+)(\/.*)?$/;

/** A data-resource value: `all`, a bucket (reference or name), or unknown (keeping the bucket it mentions). */
function bucketOf(value: unknown): 'all' | Val<ResourceRef | string> {
  if (isUnknown(value) || isRef(value)) return value;
  if (typeof value !== 'string') return unknown('data resource value is not a string');
  if (S3_ALL.test(value)) return 'all';
  const match = S3_BUCKET.exec(value);
  return match?.[1] ?? unknown(`data resource value ${JSON.stringify(value)} is not an S3 ARN`);
}

function bucketsOf(values: unknown): TrailS3DataEvents['buckets'] {
  const items = list(values);
  if (isUnknown(items)) return [items];
  const buckets = items.map(bucketOf);
  return buckets.includes('all') ? 'all' : (buckets as Val<ResourceRef | string>[]);
}

function basicS3DataEvents(selector: unknown, keys: SelectorKeys): TrailS3DataEvents[] {
  const readWrite = readWriteOf(str(at(selector, keys.readWriteType), 'All'));
  const resources = list(at(selector, keys.dataResources));
  if (isUnknown(resources)) return [{ readWrite, buckets: [resources], excluded: [] }];
  return resources
    .filter((resource) => {
      const type = at(resource, keys.type);
      return type === 'AWS::S3::Object' || isUnknown(type);
    })
    .map((resource) => ({ readWrite, buckets: bucketsOf(at(resource, keys.values)), excluded: [] }));
}

function readWriteOf(value: Val<string>): TrailS3DataEvents['readWrite'] {
  if (isUnknown(value)) return value;
  return value === 'ReadOnly' || value === 'WriteOnly' ? value : 'All';
}

function fieldSelector(
  selector: unknown,
  field: string,
  keys: SelectorKeys,
): Record<string, unknown> | undefined {
  const fields = list(at(selector, keys.fieldSelectors));
  if (isUnknown(fields)) return undefined;
  return fields.find((f) => at(f, keys.field) === field) as Record<string, unknown> | undefined;
}

function listIncludes(values: unknown, expected: string): boolean {
  const items = list(values);
  return !isUnknown(items) && items.includes(expected);
}

function listOrEmpty(value: unknown): unknown[] {
  const items = list(value);
  return isUnknown(items) ? [items] : [...items];
}

function advancedS3DataEvents(selector: unknown, keys: SelectorKeys): TrailS3DataEvents[] {
  const category = fieldSelector(selector, 'eventCategory', keys);
  const type = fieldSelector(selector, 'resources.type', keys);
  if (!category || !listIncludes(category[keys.equals], 'Data')) return [];
  if (!type || !listIncludes(type[keys.equals], 'AWS::S3::Object')) return [];
  const arn = fieldSelector(selector, 'resources.ARN', keys);
  const readOnly = fieldSelector(selector, 'readOnly', keys);
  const readWrite = !readOnly
    ? 'All'
    : listIncludes(readOnly[keys.equals], 'true')
      ? 'ReadOnly'
      : listIncludes(readOnly[keys.equals], 'false')
        ? 'WriteOnly'
        : unknown(`readOnly field selector is not a plain ${keys.equals}`);
  if (!arn) return [{ readWrite, buckets: 'all', excluded: [] }];
  const included = [...listOrEmpty(arn[keys.startsWith]), ...listOrEmpty(arn[keys.equals])];
  const excluded = [...listOrEmpty(arn[keys.notStartsWith]), ...listOrEmpty(arn[keys.notEquals])];
  const excludedBuckets = excluded.map(bucketOf).filter((b): b is Val<ResourceRef | string> => b !== 'all');
  return [
    {
      readWrite,
      buckets: included.length === 0 ? 'all' : bucketsOf(included),
      excluded: excluded.map(bucketOf).includes('all')
        ? [unknown('every bucket is excluded')]
        : excludedBuckets,
    },
  ];
}
