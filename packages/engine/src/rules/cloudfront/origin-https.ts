import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

/** Origin protocols that are broken outright (TLS 1.0/1.1 in the list only lower the floor the origin's own policy sets). */
const DEPRECATED_ORIGIN_PROTOCOLS = ['SSLv3'];

export const cloudfrontOriginHttps = defineRule({
  id: 'cloudfront-origin-https',
  title: 'CloudFront reaches custom origins over HTTPS',
  severity: 'high',
  rationale:
    'With OriginProtocolPolicy http-only (or match-viewer behind a behaviour that allows HTTP) CloudFront forwards ' +
    'requests and responses carrying ePHI to the load balancer or server in plain text across the internet; ' +
    'SSLv3 among the origin SSL protocols lets that leg fall back to a broken protocol.',
  remediation: {
    cloudformation:
      'In each CustomOriginConfig set OriginProtocolPolicy: https-only and OriginSSLProtocols: [TLSv1.2] (the origin ' +
      'needs a certificate for its name, e.g. an HTTPS listener on the load balancer).',
    terraform:
      'custom_origin_config { origin_protocol_policy = "https-only", origin_ssl_protocols = ["TLSv1.2"], ... }.',
    console:
      'CloudFront → the distribution → Origins → the origin → Edit → Protocol: HTTPS only, Minimum origin SSL protocol TLSv1.2.',
  },
  controls: ['encryption-in-transit'],
  kinds: ['Distribution'],
  check(distribution) {
    const { origins, behaviors } = distribution.facts;
    if (isUnknown(origins)) return cannotVerify(`origins are ${origins.$unknown}`);
    const problems: string[] = [];
    const unknown: string[] = [];
    for (const origin of origins) {
      if (origin.type !== 'custom') continue;
      const name = isUnknown(origin.id) ? '?' : origin.id;
      const policy = origin.protocolPolicy;
      if (policy === undefined || isUnknown(policy)) {
        unknown.push(`origin ${name}: OriginProtocolPolicy is ${policy?.$unknown ?? 'absent'}`);
        continue;
      }
      if (policy === 'http-only') problems.push(`origin ${name} is reached over plain HTTP (http-only)`);
      else if (policy === 'match-viewer') {
        if (isUnknown(behaviors)) unknown.push(`origin ${name}: match-viewer with unknown cache behaviours`);
        else {
          const plain = behaviors.filter(
            (b) => b.targetOriginId === origin.id && b.viewerProtocolPolicy === 'allow-all',
          );
          if (plain.length > 0)
            problems.push(
              `origin ${name} is match-viewer behind a behaviour that allows HTTP (plain HTTP to the origin)`,
            );
        }
      }
      if (policy !== 'http-only') {
        const protocols = origin.sslProtocols;
        if (isUnknown(protocols)) unknown.push(`origin ${name}: OriginSSLProtocols is ${protocols.$unknown}`);
        else {
          const weak = protocols.filter((p) => DEPRECATED_ORIGIN_PROTOCOLS.includes(p));
          if (weak.length > 0)
            problems.push(`origin ${name} allows ${weak.join(', ')} (broken; TLS 1.2 minimum)`);
        }
      }
    }
    if (problems.length > 0) return fail(problems.join('; '));
    if (unknown.length > 0) return cannotVerify(unknown.join('; '));
    return pass;
  },
});
