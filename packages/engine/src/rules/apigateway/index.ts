import type { AnyRule } from '../rule.js';
import { apigwStageAccessLogging } from './stage-access-logging.js';
import { apigwStageCacheEncrypted } from './stage-cache-encrypted.js';
import { apigwStageClientCertificate } from './stage-client-certificate.js';
import { apigwStageExecutionLogging } from './stage-execution-logging.js';
import { apigwStageThrottling } from './stage-throttling.js';
import { apigwStageXray } from './stage-xray.js';
import { apigwWafAssociated } from './waf-associated.js';

export const apigatewayRules: readonly AnyRule[] = [
  apigwStageAccessLogging,
  apigwStageThrottling,
  apigwWafAssociated,
  apigwStageExecutionLogging,
  apigwStageCacheEncrypted,
  apigwStageClientCertificate,
  apigwStageXray,
];
