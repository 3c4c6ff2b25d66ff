import type { TrailFacts } from '../../../model/kinds/cloudtrail.js';
import { unknown } from '../../../model/values.js';
import { bool, list, refOrString, str } from '../../read.js';
import { managementEventsOf, s3DataEventsOf, TERRAFORM_SELECTOR_KEYS } from '../../trail-selectors.js';
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
    managementEvents: managementEventsOf(selectors, advanced, TERRAFORM_SELECTOR_KEYS),
    s3DataEvents: s3DataEventsOf(selectors, advanced, TERRAFORM_SELECTOR_KEYS),
  };
});

export const cloudtrailTfMappers: TfMapperTable = {
  aws_cloudtrail: trail,
};
