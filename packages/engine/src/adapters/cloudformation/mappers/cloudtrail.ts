import type { TrailFacts, TrailS3DataEvents } from '../../../model/kinds/cloudtrail.js';
import { isRef, isUnknown, type ResourceRef, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

const trail = cfnMapping('Trail', (view): TrailFacts => {
  const p = view.properties;
  const selectors = list(p.EventSelectors);
  const advanced = list(p.AdvancedEventSelectors);
  return {
    name: str(p.TrailName, undefined),
    isLogging: bool(p.IsLogging, false),
    multiRegion: bool(p.IsMultiRegionTrail, false),
    organizationTrail: bool(p.IsOrganizationTrail, false),
    includeGlobalServiceEvents: bool(p.IncludeGlobalServiceEvents, true),
    logFileValidation: bool(p.EnableLogFileValidation, false),
    kmsKey: refOrString(p.KMSKeyId),
    s3Bucket: refOrString(p.S3BucketName) ?? unknown('S3BucketName not set'),
    cloudWatchLogsLogGroup: refOrString(p.CloudWatchLogsLogGroupArn),
    cloudWatchLogsRole: refOrString(p.CloudWatchLogsRoleArn),
    managementEvents: managementEventsOf(selectors, advanced),
    s3DataEvents: isUnknown(selectors)
      ? selectors
      : isUnknown(advanced)
        ? advanced
        : [...selectors.flatMap(basicS3DataEvents), ...advanced.flatMap(advancedS3DataEvents)],
  };
});

function managementEventsOf(
  selectors: Val<readonly unknown[]>,
  advanced: Val<readonly unknown[]>,
): Val<boolean> {
  if (isUnknown(selectors)) return selectors;
  if (isUnknown(advanced)) return advanced;
  if (selectors.length === 0 && advanced.length === 0) return true;
  for (const selector of selectors) {
    const include = bool(at(selector, 'IncludeManagementEvents'), true);
    if (include !== false) return include;
  }
  for (const selector of advanced) {
    const category = fieldSelector(selector, 'eventCategory');
    if (category && listIncludes(category.Equals, 'Management')) return true;
  }
  return false;
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

function basicS3DataEvents(selector: unknown): TrailS3DataEvents[] {
  const readWrite = readWriteOf(str(at(selector, 'ReadWriteType'), 'All'));
  const resources = list(at(selector, 'DataResources'));
  if (isUnknown(resources)) return [{ readWrite, buckets: [resources], excluded: [] }];
  return resources
    .filter((resource) => {
      const type = at(resource, 'Type');
      return type === 'AWS::S3::Object' || isUnknown(type);
    })
    .map((resource) => ({ readWrite, buckets: bucketsOf(at(resource, 'Values')), excluded: [] }));
}

function readWriteOf(value: Val<string>): TrailS3DataEvents['readWrite'] {
  if (isUnknown(value)) return value;
  return value === 'ReadOnly' || value === 'WriteOnly' ? value : 'All';
}

function fieldSelector(selector: unknown, field: string): Record<string, unknown> | undefined {
  const fields = list(at(selector, 'FieldSelectors'));
  if (isUnknown(fields)) return undefined;
  return fields.find((f) => at(f, 'Field') === field) as Record<string, unknown> | undefined;
}

function listIncludes(values: unknown, expected: string): boolean {
  const items = list(values);
  return !isUnknown(items) && items.includes(expected);
}

function advancedS3DataEvents(selector: unknown): TrailS3DataEvents[] {
  const category = fieldSelector(selector, 'eventCategory');
  const type = fieldSelector(selector, 'resources.type');
  if (!category || !listIncludes(category.Equals, 'Data')) return [];
  if (!type || !listIncludes(type.Equals, 'AWS::S3::Object')) return [];
  const arn = fieldSelector(selector, 'resources.ARN');
  const readOnly = fieldSelector(selector, 'readOnly');
  const readWrite = !readOnly
    ? 'All'
    : listIncludes(readOnly.Equals, 'true')
      ? 'ReadOnly'
      : listIncludes(readOnly.Equals, 'false')
        ? 'WriteOnly'
        : unknown('readOnly field selector is not a plain Equals');
  if (!arn) return [{ readWrite, buckets: 'all', excluded: [] }];
  const included = [...listOrEmpty(arn.StartsWith), ...listOrEmpty(arn.Equals)];
  const excluded = [...listOrEmpty(arn.NotStartsWith), ...listOrEmpty(arn.NotEquals)];
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

function listOrEmpty(value: unknown): unknown[] {
  const items = list(value);
  return isUnknown(items) ? [items] : [...items];
}

export const cloudtrailCfnMappers: CfnMapperTable = {
  'AWS::CloudTrail::Trail': trail,
};
