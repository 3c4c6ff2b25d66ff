import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, type Verdict } from '../rule.js';

/** R-INF-6: the AWS managed rule groups every web ACL in front of ePHI must enforce. */
export const REQUIRED_MANAGED_GROUPS = [
  ['AWSManagedRulesCommonRuleSet', 'core rule set'],
  ['AWSManagedRulesKnownBadInputsRuleSet', 'known bad inputs'],
  ['AWSManagedRulesSQLiRuleSet', 'SQL injection'],
  ['AWSManagedRulesLinuxRuleSet', 'Linux OS'],
] as const;

export const wafv2WebAclManagedRuleGroups = defineRule({
  id: 'wafv2-web-acl-managed-rule-groups',
  title: 'Web ACLs enforce the AWS core, known-bad-inputs, SQL injection and Linux managed rule groups',
  severity: 'medium',
  rationale:
    'R-INF-6: the managed groups block the OWASP-style attacks (injection, exploit payloads, path traversal) that ' +
    'target applications holding ePHI; a group in Count override mode only observes and protects nothing.',
  remediation: {
    cloudformation:
      'Add rules with Statement.ManagedRuleGroupStatement { VendorName: AWS, Name: AWSManagedRulesCommonRuleSet } (and ' +
      'KnownBadInputs, SQLi, Linux) and OverrideAction: { None: {} }.',
    terraform:
      'Add rule blocks with managed_rule_group_statement { vendor_name = "AWS", name = … } and override_action { none {} }.',
    console: 'WAF & Shield → Web ACLs → the ACL → Rules → Add managed rule groups → AWS managed rule groups.',
  },
  controls: ['web-application-protection', 'threat-detection'],
  kinds: ['WebAcl'],
  check(acl) {
    const rules = acl.facts.rules;
    if (isUnknown(rules)) return cannotVerify(`rules are ${rules.$unknown}`);
    const verdicts: Verdict[] = [];
    for (const [group, label] of REQUIRED_MANAGED_GROUPS) {
      const present = rules.filter(
        (r) => r.type === 'managed' && r.vendor === 'AWS' && r.managedName === group,
      );
      if (present.length === 0) verdicts.push(fail(`managed rule group ${group} (${label}) is missing`));
      else if (present.every((r) => r.overrideAction === 'count'))
        verdicts.push(
          fail(
            `managed rule group ${group} (${label}) is in Count override mode: it only counts matches and blocks nothing`,
          ),
        );
      else if (present.some((r) => isUnknown(r.overrideAction)))
        verdicts.push(cannotVerify(`override action of ${group} is unknown`));
    }
    return verdicts.length > 0 ? verdicts : pass;
  },
});
