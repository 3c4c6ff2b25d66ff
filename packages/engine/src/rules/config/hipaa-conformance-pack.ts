import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const configHipaaConformancePack = defineRule({
  id: 'config-hipaa-conformance-pack',
  title: 'The Config recorder is deployed with the HIPAA Security conformance pack',
  severity: 'low',
  rationale:
    'R-INF-8 pairs the Config recorder with AWS\'s "Operational Best Practices for HIPAA Security" conformance ' +
    'pack so the account is evaluated against the HIPAA rule set continuously, not only at deploy time.',
  remediation: {
    cloudformation:
      'Add an AWS::Config::ConformancePack with TemplateS3Uri pointing at Operational-Best-Practices-for-HIPAA-Security.yaml ' +
      '(from awslabs/aws-config-rules) and DependsOn the recorder.',
    terraform:
      'Add aws_config_conformance_pack with template_body = file("Operational-Best-Practices-for-HIPAA-Security.yaml").',
    console:
      'Config → Conformance packs → Deploy → Use sample template → Operational Best Practices for HIPAA Security.',
  },
  controls: ['security-assessment', 'configuration-management'],
  kinds: ['ConfigRecorder'],
  check(_recorder, { model }) {
    const packs = model.ofKind('ConformancePack');
    if (packs.some((p) => p.facts.hipaa === true)) return pass;
    const unresolved = packs.map((p) => p.facts.hipaa).find(isUnknown);
    if (unresolved) return cannotVerify(`a conformance pack template is ${unresolved.$unknown}`);
    return fail(
      packs.length === 0
        ? 'no conformance pack is deployed with the recorder (R-INF-8: HIPAA Security pack)'
        : `conformance pack(s) ${packs.map((p) => p.source.nativeId).join(', ')} are not the HIPAA Security pack`,
    );
  },
});
