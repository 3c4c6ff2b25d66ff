import { isUnknown } from '../../model/values.js';
import { openToEveryone } from '../iam/statements.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

/** Condition keys that confine a `*` principal to addresses, networks, the organisation or the account. */
const RESTRICTING_KEYS = [
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
];

export const opensearchAccessPolicyNotPublic = defineRule({
  id: 'opensearch-access-policy-not-public',
  title: 'Public OpenSearch/Elasticsearch domains do not allow any principal without a restricting condition',
  severity: 'critical',
  rationale:
    'A domain with a public endpoint whose access policy allows Principal "*" (the "open access" template of ' +
    'legacy Elasticsearch domains) answers anyone on the internet: every index holding ePHI can be read, changed ' +
    'or deleted without credentials.',
  remediation: {
    cloudformation:
      'Put the domain in a VPC (VPCOptions), or name IAM principals in AccessPolicies, or add Condition IpAddress ' +
      'aws:SourceIp to the statement with Principal "*"; enable AdvancedSecurityOptions (fine-grained access control).',
    terraform:
      'Add vpc_options, or replace principal "*" in access_policies (or aws_opensearch_domain_policy) with IAM ' +
      'principals or an aws:SourceIp condition; enable advanced_security_options.',
    console:
      'OpenSearch Service → the domain → Security configuration → Edit → Access policy: only specific IAM ARNs or IPs.',
  },
  controls: ['public-exposure', 'access-control'],
  kinds: ['SearchDomain'],
  check(domain) {
    const { inVpc, fineGrainedAccessControl, accessPolicy } = domain.facts;
    // Inside a VPC the endpoint is reachable only through security groups; opensearch-in-vpc-only covers the rest.
    if (inVpc === true) return skip;
    // With fine-grained access control every request must still authenticate against the domain's users/roles.
    if (fineGrainedAccessControl === true) return pass;
    if (isUnknown(accessPolicy)) return cannotVerify(`access policy is ${accessPolicy.$unknown}`);
    const { open, unresolved } = openToEveryone(accessPolicy, RESTRICTING_KEYS);
    if (open.length > 0)
      return fail(
        `${open.join(', ')} of the access policy allow Principal "*" without an IP, VPC, account or organisation ` +
          'condition on a domain with a public endpoint',
      );
    if (unresolved) return cannotVerify(`an access policy statement is ${unresolved.$unknown}`);
    if (isUnknown(inVpc)) return cannotVerify(`VPC placement is ${inVpc.$unknown}`);
    return pass;
  },
});
