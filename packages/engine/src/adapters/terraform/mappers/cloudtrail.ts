import type { TrailFacts, TrailS3DataEvents } from '../../../model/kinds/cloudtrail.js';
import { isRef, isUnknown, type ResourceRef, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, refOrString, str } from '../../read.js';
import { type TfMapperTable, tfMapping } from '../mapper.js';
import { referenceTo } from './kms.js';

/**
 * `aws_cloudtrail`: the same facts and AWS defaults as `AWS::CloudTrail::Trail`, except that Terraform's
 * `enable_logging` defaults to true (CloudFormation's `IsLogging` is required). `event_selector` and
 * `advanced_event_selector` blocks normalise to the same S3 data-event coverage.
 */
const trail = tfMapping('Trail', (view, context): TrailFacts => {
  const v = view.values;
  const selectors = list(v.event_selector);
  const advanced = list(v.advanced_event_selector);
  return {
    name: str(v.name, undefined),
    isLogging: bool(v.enable_logging, true),
    multiRegion: bool(v.is_multi_region_trail, false),
    organizationTrail: bool(v.is_organization_trail, false),
    includeGlobalServiceEvents: bool(v.include_global_service_events, true),
    logFileValidation: bool(v.enable_log_file_validation, false),
    kmsKey: referenceTo(
      v.kms_key_id,
      context,
      ['aws_kms_key', 'aws_kms_alias', 'aws_kms_replica_key'],
      'arn',
    ),
    s3Bucket: refOrString(v.s3_bucket_name) ?? unknown('s3_bucket_name not set'),
    // Usually `"${aws_cloudwatch_log_group.trail.arn}:*"`: a reference to the log group.
    cloudWatchLogsLogGroup: referenceTo(
      v.cloud_watch_logs_group_arn,
      context,
      ['aws_cloudwatch_log_group'],
      'arn',
    ),
    cloudWatchLogsRole: referenceTo(v.cloud_watch_logs_role_arn, context, ['aws_iam_role'], 'arn'),
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
    const include = bool(at(selector, 'include_management_events'), true);
    if (include !== false) return include;
  }
  for (const selector of advanced) {
    const category = fieldSelector(selector, 'eventCategory');
    if (category && listIncludes(category.equals, 'Management')) return true;
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
  const readWrite = readWriteOf(str(at(selector, 'read_write_type'), 'All'));
  const resources = list(at(selector, 'data_resource'));
  if (isUnknown(resources)) return [{ readWrite, buckets: [resources], excluded: [] }];
  return resources
    .filter((resource) => {
      const type = at(resource, 'type');
      return type === 'AWS::S3::Object' || isUnknown(type);
    })
    .map((resource) => ({ readWrite, buckets: bucketsOf(at(resource, 'values')), excluded: [] }));
}

function readWriteOf(value: Val<string>): TrailS3DataEvents['readWrite'] {
  if (isUnknown(value)) return value;
  return value === 'ReadOnly' || value === 'WriteOnly' ? value : 'All';
}

function fieldSelector(selector: unknown, field: string): Record<string, unknown> | undefined {
  const fields = list(at(selector, 'field_selector'));
  if (isUnknown(fields)) return undefined;
  return fields.find((f) => at(f, 'field') === field) as Record<string, unknown> | undefined;
}

function listIncludes(values: unknown, expected: string): boolean {
  const items = list(values);
  return !isUnknown(items) && items.includes(expected);
}

function listOrEmpty(value: unknown): unknown[] {
  const items = list(value);
  return isUnknown(items) ? [items] : [...items];
}

function advancedS3DataEvents(selector: unknown): TrailS3DataEvents[] {
  const category = fieldSelector(selector, 'eventCategory');
  const type = fieldSelector(selector, 'resources.type');
  if (!category || !listIncludes(category.equals, 'Data')) return [];
  if (!type || !listIncludes(type.equals, 'AWS::S3::Object')) return [];
  const arn = fieldSelector(selector, 'resources.ARN');
  const readOnly = fieldSelector(selector, 'readOnly');
  const readWrite = !readOnly
    ? 'All'
    : listIncludes(readOnly.equals, 'true')
      ? 'ReadOnly'
      : listIncludes(readOnly.equals, 'false')
        ? 'WriteOnly'
        : unknown('readOnly field selector is not a plain equals');
  if (!arn) return [{ readWrite, buckets: 'all', excluded: [] }];
  const included = [...listOrEmpty(arn.starts_with), ...listOrEmpty(arn.equals)];
  const excluded = [...listOrEmpty(arn.not_starts_with), ...listOrEmpty(arn.not_equals)];
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

export const cloudtrailTfMappers: TfMapperTable = {
  aws_cloudtrail: trail,
};
