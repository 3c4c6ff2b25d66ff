import type { AnyRule } from '../rule.js';
import { elbAccessLogging } from './access-logging.js';
import { elbAlbDropInvalidHeaders } from './alb-drop-invalid-headers.js';
import { elbAlbWafAssociated } from './alb-waf-associated.js';
import { elbClassicAcmCertificate } from './classic-acm-certificate.js';
import { elbClassicCrossZone } from './classic-cross-zone.js';
import { elbClassicTlsListenersOnly } from './classic-tls-listeners-only.js';
import { elbDeletionProtection } from './deletion-protection.js';
import { elbHttpListenerRedirectsToHttps } from './http-listener-redirects-to-https.js';
import { elbListenerTlsPolicy } from './listener-tls-policy.js';
import { elbV2AcmCertificate } from './v2-acm-certificate.js';

export const elbRules: readonly AnyRule[] = [
  elbListenerTlsPolicy,
  elbHttpListenerRedirectsToHttps,
  elbAlbWafAssociated,
  elbAlbDropInvalidHeaders,
  elbClassicTlsListenersOnly,
  elbClassicAcmCertificate,
  elbV2AcmCertificate,
  elbClassicCrossZone,
  elbDeletionProtection,
  elbAccessLogging,
];
