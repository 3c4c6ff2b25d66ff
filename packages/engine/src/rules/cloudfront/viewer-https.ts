import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const cloudfrontViewerHttps = defineRule({
  id: 'cloudfront-viewer-https',
  title: 'CloudFront distributions serve viewers over HTTPS only',
  severity: 'high',
  rationale:
    'A cache behaviour with ViewerProtocolPolicy allow-all serves pages, form posts and session cookies over plain ' +
    'HTTP: ePHI crosses the internet unencrypted and can be read or altered in transit.',
  remediation: {
    cloudformation:
      'Set ViewerProtocolPolicy: redirect-to-https (or https-only) on DefaultCacheBehavior and every CacheBehaviors entry.',
    terraform:
      'Set viewer_protocol_policy = "redirect-to-https" (or "https-only") in default_cache_behavior and every ordered_cache_behavior.',
    console:
      'CloudFront → the distribution → Behaviors → each behaviour → Edit → Viewer protocol policy: Redirect HTTP to HTTPS.',
  },
  controls: ['encryption-in-transit'],
  kinds: ['Distribution'],
  check(distribution) {
    const behaviors = distribution.facts.behaviors;
    if (isUnknown(behaviors)) return cannotVerify(`cache behaviours are ${behaviors.$unknown}`);
    const plain: string[] = [];
    const unknown: string[] = [];
    for (const behavior of behaviors) {
      const path = isUnknown(behavior.pathPattern) ? '?' : behavior.pathPattern;
      const policy = behavior.viewerProtocolPolicy;
      if (isUnknown(policy)) unknown.push(`${path} (${policy.$unknown})`);
      else if (policy === 'allow-all') plain.push(path === '*' ? 'the default behaviour' : path);
    }
    if (plain.length > 0) return fail(`ViewerProtocolPolicy allow-all (plain HTTP) on ${plain.join(', ')}`);
    if (unknown.length > 0) return cannotVerify(`ViewerProtocolPolicy is unknown on ${unknown.join(', ')}`);
    return pass;
  },
});
