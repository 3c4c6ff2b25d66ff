import { defineRule, fail, skip } from '../rule.js';
import { glueJudgedAsPhi } from './phi.js';
import {
  securityConfigurationRemediation,
  securityConfigurationVerdict,
} from './security-configuration-used.js';

export const glueSecurityConfigurationUsedNonPhi = defineRule({
  id: 'glue-security-configuration-used-non-phi',
  title:
    'Glue resources declared to process no PHI still use a security configuration that KMS-encrypts their output',
  severity: 'medium',
  rationale:
    'Logs and bookmarks of a job declared non-PHI still carry sample records, connection details and errors, and a ' +
    'job that later reads PHI is already unencrypted. This rule judges Glue jobs, crawlers and development ' +
    'endpoints whose DataClassification tag declares them non-PHI and that neither reference nor are referenced by a ' +
    'PHI resource; every other one is judged at high by glue-security-configuration-used.',
  remediation: securityConfigurationRemediation,
  controls: ['encryption-at-rest', 'key-management', 'log-protection'],
  kinds: ['GlueJob', 'GlueCrawler', 'GlueDevEndpoint'],
  check(resource, { boundary }) {
    if (glueJudgedAsPhi(resource, boundary)) return skip;
    const verdict = securityConfigurationVerdict(resource);
    return verdict.status === 'fail' ? fail(`${verdict.message} (declared non-PHI)`) : verdict;
  },
});
