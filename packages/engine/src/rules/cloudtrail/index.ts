import type { AnyRule } from '../rule.js';
import { cloudtrailCloudWatchLogs } from './cloudwatch-logs.js';
import { cloudtrailEncryption } from './encryption.js';
import { cloudtrailLogFileValidation } from './log-file-validation.js';
import { cloudtrailLoggingOn } from './logging-on.js';
import { cloudtrailMultiRegion } from './multi-region.js';
import { cloudtrailS3DataEvents } from './s3-data-events.js';
import { cloudtrailSecurityAlarms } from './security-alarms.js';

export const cloudtrailRules: readonly AnyRule[] = [
  cloudtrailCloudWatchLogs,
  cloudtrailEncryption,
  cloudtrailLogFileValidation,
  cloudtrailMultiRegion,
  cloudtrailLoggingOn,
  cloudtrailS3DataEvents,
  cloudtrailSecurityAlarms,
];
