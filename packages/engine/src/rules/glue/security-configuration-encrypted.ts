import type { Model } from '../../model/resource.js';
import { isUnknown } from '../../model/values.js';
import { defineRule, type PhiBoundary, skip } from '../rule.js';
import { ALL_PARTS, encryptionVerdict } from './encryption.js';
import { glueJudgedAsPhi } from './phi.js';
import { securityConfigurationRemediation } from './security-configuration-used.js';

/** Model ids of the Glue jobs, crawlers and development endpoints that name each security configuration. */
function usersByConfiguration(model: Model): Map<string, string[]> {
  return model.memo('glue-security-configuration-encrypted/users', () => {
    const users = new Map<string, string[]>();
    for (const kind of ['GlueJob', 'GlueCrawler', 'GlueDevEndpoint'] as const) {
      for (const resource of model.ofKind(kind)) {
        const configuration = resource.facts.securityConfiguration;
        if (configuration === undefined || isUnknown(configuration)) continue;
        const list = users.get(configuration.configuration);
        if (list) list.push(resource.id);
        else users.set(configuration.configuration, [resource.id]);
      }
    }
    return users;
  });
}

/** True when every resource naming the configuration is declared non-PHI: their medium findings then say it. */
function usedOnlyOutsidePhi(id: string, model: Model, boundary: PhiBoundary): boolean {
  const users = usersByConfiguration(model).get(id) ?? [];
  return (
    users.length > 0 &&
    users.every((user) => {
      const resource = model.get(user);
      return resource !== undefined && !glueJudgedAsPhi(resource, boundary);
    })
  );
}

export const glueSecurityConfigurationEncrypted = defineRule({
  id: 'glue-security-configuration-encrypted',
  title: 'Glue security configurations KMS-encrypt S3 output, CloudWatch logs and job bookmarks',
  severity: 'high',
  rationale:
    'A security configuration is the only place Glue takes its encryption settings from, and every mode defaults to ' +
    'DISABLED: one left out sends ePHI from ETL output, logs or bookmarks to storage without a customer key ' +
    '(R-INF-2, R-INF-4). A configuration named only by resources tagged as holding no PHI is judged through them by ' +
    'glue-security-configuration-used-non-phi.',
  remediation: securityConfigurationRemediation,
  controls: ['encryption-at-rest', 'key-management', 'log-protection'],
  kinds: ['GlueSecurityConfiguration'],
  check(configuration, { model, boundary }) {
    if (usedOnlyOutsidePhi(configuration.id, model, boundary)) return skip;
    return encryptionVerdict(configuration.facts, ALL_PARTS, 'not every part is KMS-encrypted');
  },
});
