import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, type Verdict } from '../rule.js';
import { domainLabel } from './domains.js';

/** TLS security policies of OpenSearch Service whose minimum protocol is TLS 1.2 (R-INF-5). */
const TLS12_POLICIES = [
  'Policy-Min-TLS-1-2-2019-07',
  'Policy-Min-TLS-1-2-PFS-2023-10',
  'Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08',
];

export const opensearchHttpsTls12 = defineRule({
  id: 'opensearch-https-tls12',
  title: 'OpenSearch domains require HTTPS with TLS 1.2 or later',
  severity: 'high',
  rationale:
    'Without EnforceHTTPS a client may query the domain over plain HTTP, sending credentials and ePHI in ' +
    'cleartext; the default TLS policy still accepts TLS 1.0 and 1.1, which NIST SP 800-52r2 no longer allows ' +
    '(R-INF-5: minimum TLS 1.2).',
  remediation: {
    cloudformation:
      'Set DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10 }.',
    terraform:
      'Add domain_endpoint_options { enforce_https = true, tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10" }.',
    console:
      'OpenSearch Service → domain → Actions → Edit security configuration → Require HTTPS for all traffic, and ' +
      'TLS security policy → Policy-Min-TLS-1-2-PFS-2023-10.',
  },
  controls: ['encryption-in-transit'],
  kinds: ['SearchDomain'],
  equivalents: { awsConfig: ['opensearch-https-required'] },
  check(domain) {
    const label = domainLabel(domain);
    const verdicts: Verdict[] = [];
    const https = domain.facts.enforceHttps;
    if (isUnknown(https)) verdicts.push(cannotVerify(`EnforceHTTPS is ${https.$unknown}`));
    else if (!https)
      verdicts.push(fail(`${label} does not enforce HTTPS: clients may connect over plain HTTP`));
    const policy = domain.facts.tlsPolicy;
    if (isUnknown(policy)) verdicts.push(cannotVerify(`TLS security policy is ${policy.$unknown}`));
    else if (!TLS12_POLICIES.includes(policy))
      verdicts.push(
        fail(`${label} uses TLS security policy ${policy}, which accepts TLS versions below 1.2`),
      );
    return verdicts.length > 0 ? verdicts : pass;
  },
});
