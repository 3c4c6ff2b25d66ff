import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const athenaWorkGroupResultsEncrypted = defineRule({
  id: 'athena-workgroup-results-encrypted',
  title: 'Athena workgroups encrypt query results and enforce it',
  severity: 'high',
  rationale:
    'Every Athena query writes its result rows (extracts of the data lake, logs with client addresses and patient ' +
    'identifiers) to S3; a workgroup without an enforced result encryption setting lets those copies be written ' +
    'unencrypted.',
  remediation: {
    cloudformation:
      'Set WorkGroupConfiguration: { EnforceWorkGroupConfiguration: true, ResultConfiguration: { ' +
      'EncryptionConfiguration: { EncryptionOption: SSE_KMS, KmsKey: !GetAtt PhiKey.Arn } } }.',
    terraform:
      'Add configuration { enforce_workgroup_configuration = true, result_configuration { encryption_configuration { ' +
      'encryption_option = "SSE_KMS", kms_key_arn = aws_kms_key.phi.arn } } } to aws_athena_workgroup.',
    console:
      'Athena → Workgroups → the workgroup → Edit → Query result configuration → Encrypt query results, and turn ' +
      'on "Override client-side settings".',
  },
  controls: ['encryption-at-rest'],
  kinds: ['AthenaWorkGroup'],
  equivalents: { awsConfig: ['athena-workgroup-encrypted-at-rest'] },
  check(workGroup) {
    const { resultEncryption, enforced } = workGroup.facts;
    if (isUnknown(resultEncryption))
      return cannotVerify(`the query result encryption option is ${resultEncryption.$unknown}`);
    if (resultEncryption === 'NONE')
      return fail('query results are not encrypted (no ResultConfiguration.EncryptionConfiguration)');
    if (isUnknown(enforced)) return cannotVerify(`EnforceWorkGroupConfiguration is ${enforced.$unknown}`);
    return enforced
      ? pass
      : fail(
          `results are encrypted with ${resultEncryption} only when clients keep the workgroup settings ` +
            '(EnforceWorkGroupConfiguration false)',
        );
  },
});
