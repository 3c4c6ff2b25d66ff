import { isUnknown, stringMatches, type Unknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

const STANDARDS: readonly [label: string, pattern: RegExp][] = [
  ['AWS Foundational Security Best Practices', /aws-foundational-security-best-practices/],
  ['CIS AWS Foundations Benchmark', /cis-aws-foundations-benchmark/],
];

export const securityhubStandards = defineRule({
  id: 'securityhub-standards',
  title: 'Security Hub runs the CIS and AWS Foundational Security Best Practices standards',
  severity: 'medium',
  rationale:
    "Security Hub's standards continuously evaluate the account against hundreds of controls and aggregate " +
    'GuardDuty and Config findings; R-INF-8 requires CIS and AWS FSBP. (An account without a hub is found by the ' +
    'monitor against the live account.)',
  remediation: {
    cloudformation:
      'Leave EnableDefaultStandards unset or true on AWS::SecurityHub::Hub, or add AWS::SecurityHub::Standard ' +
      'resources for arn:aws:securityhub:<region>::standards/aws-foundational-security-best-practices/v/1.0.0 and ' +
      'arn:aws:securityhub:<region>::standards/cis-aws-foundations-benchmark/v/3.0.0.',
    terraform: 'Add aws_securityhub_standards_subscription for both standards ARNs.',
    console:
      'Security Hub → Security standards → enable AWS Foundational Security Best Practices and CIS AWS Foundations Benchmark.',
  },
  controls: ['security-assessment', 'security-monitoring', 'configuration-management'],
  kinds: ['Hub'],
  equivalents: { awsConfig: ['securityhub-enabled'] },
  check(hub) {
    const defaults = hub.facts.enableDefaultStandards;
    if (isUnknown(defaults)) return cannotVerify(`EnableDefaultStandards is ${defaults.$unknown}`);
    // The default standards are exactly AWS FSBP and CIS AWS Foundations.
    if (defaults) return pass;
    // An ARN built with `${AWS::Region}` is unknown, but its literal text still names the standard.
    const missing = STANDARDS.filter(
      ([, pattern]) => !hub.facts.standards.some((arn) => stringMatches(arn, pattern) === true),
    ).map(([label]) => label);
    if (missing.length === 0) return pass;
    // Still undecided only when the standard's own name is deploy-time (a region placeholder does not hide it).
    const unresolved = hub.facts.standards.find(
      (arn): arn is Unknown => isUnknown(arn) && stringMatches(arn, /standards\/[a-z]/) !== true,
    );
    if (unresolved) return cannotVerify(`a StandardsArn is ${unresolved.$unknown}`);
    return fail(
      `EnableDefaultStandards is false and no AWS::SecurityHub::Standard enables ${missing.join(' or ')} (R-INF-8)`,
    );
  },
});
