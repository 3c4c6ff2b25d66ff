import type { AnyRule } from '../rule.js';
import { cloudfrontAccessLogging } from './access-logging.js';
import { cloudfrontOriginHttps } from './origin-https.js';
import { cloudfrontViewerHttps } from './viewer-https.js';
import { cloudfrontViewerTlsPolicy } from './viewer-tls-policy.js';
import { cloudfrontWafAssociated } from './waf-associated.js';

export const cloudfrontRules: readonly AnyRule[] = [
  cloudfrontViewerHttps,
  cloudfrontViewerTlsPolicy,
  cloudfrontOriginHttps,
  cloudfrontAccessLogging,
  cloudfrontWafAssociated,
];
