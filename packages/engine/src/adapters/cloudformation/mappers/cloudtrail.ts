import type { TrailFacts } from '../../../model/kinds/cloudtrail.js';
import { unknown } from '../../../model/values.js';
import { bool, list, refOrString, str } from '../../read.js';
import { CLOUDFORMATION_SELECTOR_KEYS, managementEventsOf, s3DataEventsOf } from '../../trail-selectors.js';
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
    managementEvents: managementEventsOf(selectors, advanced, CLOUDFORMATION_SELECTOR_KEYS),
    s3DataEvents: s3DataEventsOf(selectors, advanced, CLOUDFORMATION_SELECTOR_KEYS),
  };
});

export const cloudtrailCfnMappers: CfnMapperTable = {
  'AWS::CloudTrail::Trail': trail,
};
