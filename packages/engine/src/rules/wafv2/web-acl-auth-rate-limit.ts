import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import { enforcing, perFiveMinutes } from './web-acl-rate-limit.js';

/** URI paths that authenticate users or issue tokens. */
const AUTH_PATH = /(auth|login|log-in|signin|sign-in|token|oauth|session|password|mfa|otp)/i;

export const wafv2WebAclAuthRateLimit = defineRule({
  id: 'wafv2-web-acl-auth-rate-limit',
  title: 'Web ACLs rate-limit authentication paths to at most 100 requests per 5 minutes',
  severity: 'medium',
  rationale:
    'R-INF-6: a strict per-IP limit on login and token endpoints slows password guessing and credential stuffing against accounts with ePHI access.',
  remediation: {
    cloudformation:
      'Add a RateBasedStatement { Limit: 100, AggregateKeyType: IP, ScopeDownStatement: { ByteMatchStatement: { ' +
      'FieldToMatch: { UriPath: {} }, PositionalConstraint: STARTS_WITH, SearchString: /auth, TextTransformations: [...] } } } with Action Block.',
    terraform:
      'Add a rate_based_statement { limit = 100, scope_down_statement { byte_match_statement { field_to_match { uri_path {} } … } } }.',
    console:
      'WAF & Shield → the ACL → Add rule → Rate-based, 100 per 5 minutes, scope-down: URI path starts with /auth.',
  },
  controls: ['web-application-protection', 'strong-authentication'],
  kinds: ['WebAcl'],
  check(acl) {
    const rules = acl.facts.rules;
    if (isUnknown(rules)) return cannotVerify(`rules are ${rules.$unknown}`);
    const auth = rules.filter(
      (r) => r.type === 'rate-based' && (r.scopedPaths ?? []).some((p) => AUTH_PATH.test(p)),
    );
    if (auth.some((r) => enforcing(r) && (perFiveMinutes(r) ?? Infinity) <= 100)) return pass;
    if (auth.some((r) => perFiveMinutes(r) === undefined))
      return cannotVerify('limit of the auth-path rate rule is unknown');
    if (auth.length === 0)
      return fail('no rate-based rule scoped to authentication paths (login, token, auth)');
    return fail(
      `auth-path rate rule(s) too lax: ${auth
        .map((r) => `${perFiveMinutes(r)} per 5 min${enforcing(r) ? '' : ' (Count only)'}`)
        .join(', ')}; at most 100 required`,
    );
  },
});
