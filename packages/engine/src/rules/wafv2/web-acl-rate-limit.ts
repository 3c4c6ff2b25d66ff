import type { WebAclRuleFacts } from '../../model/kinds/wafv2.js';
import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

/** Requests per 5 minutes a rate-based rule allows (its limit scaled to a 300-second window). */
export function perFiveMinutes(rule: WebAclRuleFacts): number | undefined {
  const limit = rule.rateLimit;
  const window = rule.evaluationWindowSec;
  if (limit === undefined || window === undefined || isUnknown(limit) || isUnknown(window) || window <= 0)
    return undefined;
  return (limit * 300) / window;
}

/** A rate rule that blocks (Count only observes). */
export function enforcing(rule: WebAclRuleFacts): boolean {
  return rule.action !== 'count';
}

export const wafv2WebAclRateLimit = defineRule({
  id: 'wafv2-web-acl-rate-limit',
  title: 'Web ACLs rate-limit each client to at most 2,000 requests per 5 minutes',
  severity: 'medium',
  rationale:
    'R-INF-6: a per-IP rate-based rule blunts credential stuffing, scraping and application-layer floods against ePHI endpoints.',
  remediation: {
    cloudformation:
      'Add a rule with Statement.RateBasedStatement { Limit: 2000, AggregateKeyType: IP } (EvaluationWindowSec 300) and Action: { Block: {} }.',
    terraform:
      'Add a rule with rate_based_statement { limit = 2000, aggregate_key_type = "IP" } and action { block {} }.',
    console:
      'WAF & Shield → Web ACLs → the ACL → Rules → Add my own rules → Rate-based rule, 2000 per 5 minutes, Block.',
  },
  controls: ['web-application-protection', 'capacity-management'],
  kinds: ['WebAcl'],
  check(acl) {
    const rules = acl.facts.rules;
    if (isUnknown(rules)) return cannotVerify(`rules are ${rules.$unknown}`);
    const rate = rules.filter((r) => r.type === 'rate-based');
    const unscoped = rate.filter((r) => (r.scopedPaths ?? []).length === 0);
    if (unscoped.some((r) => enforcing(r) && (perFiveMinutes(r) ?? Infinity) <= 2000)) return pass;
    if (unscoped.some((r) => perFiveMinutes(r) === undefined || isUnknown(r.action)))
      return cannotVerify('the limit, window or action of a rate-based rule is unknown');
    if (unscoped.length === 0) return fail('no rate-based rule covering all requests');
    const described = unscoped
      .map(
        (r) =>
          `${isUnknown(r.name) ? '?' : r.name}: ${perFiveMinutes(r)} per 5 min${enforcing(r) ? '' : ' (Count only)'}`,
      )
      .join(', ');
    return fail(`no blocking rate-based rule at or below 2000 requests per 5 minutes (${described})`);
  },
});
