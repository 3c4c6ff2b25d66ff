import { cloudtrailRules } from './cloudtrail/index.js';
import { configRules } from './config/index.js';
import { guarddutyRules } from './guardduty/index.js';
import { iamRules } from './iam/index.js';
import { kmsRules } from './kms/index.js';
import { logsRules } from './logs/index.js';
import type { AnyRule } from './rule.js';
import { secretsmanagerRules } from './secretsmanager/index.js';
import { securityhubRules } from './securityhub/index.js';
import { snsRules } from './sns/index.js';
import { sqsRules } from './sqs/index.js';
import { ssmRules } from './ssm/index.js';

/** Rules of the security group; each rule is one file under rules/<service>/. */
export const securityRules: readonly AnyRule[] = [
  ...kmsRules,
  ...cloudtrailRules,
  ...logsRules,
  ...iamRules,
  ...secretsmanagerRules,
  ...sqsRules,
  ...snsRules,
  ...guarddutyRules,
  ...securityhubRules,
  ...configRules,
  ...ssmRules,
];
