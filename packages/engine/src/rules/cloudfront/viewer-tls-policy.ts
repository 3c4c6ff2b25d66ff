import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

/** Security policies whose minimum is TLS 1.2 (TLSv1.2_2018 and later, TLSv1.3_*). */
function tls12OrLater(policy: string): boolean {
  return policy.startsWith('TLSv1.2_') || policy.startsWith('TLSv1.3');
}

export const cloudfrontViewerTlsPolicy = defineRule({
  id: 'cloudfront-viewer-tls-policy',
  title: 'CloudFront distributions accept TLS 1.2 or later from viewers',
  severity: 'high',
  rationale:
    'TLS 1.0 and 1.1 have known weaknesses and are no longer accepted for ePHI in transit (R-INF-5: TLS 1.2 minimum). ' +
    'The default *.cloudfront.net certificate is fixed to the TLSv1 security policy, and a custom certificate without ' +
    'MinimumProtocolVersion gets TLSv1 as well.',
  remediation: {
    cloudformation:
      'Serve a custom certificate: ViewerCertificate { AcmCertificateArn, SslSupportMethod: sni-only, ' +
      'MinimumProtocolVersion: TLSv1.2_2021 }.',
    terraform:
      'viewer_certificate { acm_certificate_arn = aws_acm_certificate.site.arn, ssl_support_method = "sni-only", ' +
      'minimum_protocol_version = "TLSv1.2_2021" }.',
    console:
      'CloudFront → the distribution → General → Settings → Edit → Custom SSL certificate and Security policy TLSv1.2_2021.',
  },
  controls: ['encryption-in-transit'],
  kinds: ['Distribution'],
  check(distribution) {
    const { defaultCertificate, minimumProtocolVersion } = distribution.facts;
    if (isUnknown(defaultCertificate))
      return cannotVerify(`the viewer certificate is ${defaultCertificate.$unknown}`);
    if (defaultCertificate)
      return fail(
        'viewers get the default *.cloudfront.net certificate, whose security policy (TLSv1) allows TLS 1.0; TLS 1.2 is the minimum (R-INF-5)',
      );
    if (isUnknown(minimumProtocolVersion))
      return cannotVerify(`MinimumProtocolVersion is ${minimumProtocolVersion.$unknown}`);
    return tls12OrLater(minimumProtocolVersion)
      ? pass
      : fail(
          `MinimumProtocolVersion is ${minimumProtocolVersion}, which allows TLS older than 1.2; TLS 1.2 is the minimum (R-INF-5)`,
        );
  },
});
