import { isUnknown } from '../../model/values.js';
import { isCustomerManagedKey } from '../backup/checks.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const ebsVolumeCmk = defineRule({
  id: 'ebs-volume-cmk',
  title: 'EBS volumes holding PHI use a customer managed key',
  severity: 'medium',
  rationale:
    'The aws/ebs key cannot be restricted by a key policy of your own or shared for cross-account recovery (R-INF-2).',
  remediation: {
    cloudformation: 'Set KmsKeyId: !Ref PhiKey with Encrypted: true.',
    terraform: 'Set kms_key_id = aws_kms_key.phi.arn on aws_ebs_volume.',
    console: 'Copy a snapshot under the customer managed key, create a volume from it and swap it in.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Volume'],
  check(volume, { boundary }) {
    if (!boundary.has(volume.id) || volume.facts.encrypted !== true) return skip;
    const cmk = isCustomerManagedKey(volume.facts.kmsKey);
    if (isUnknown(cmk)) return cannotVerify(`KmsKeyId is ${cmk.$unknown}`);
    return cmk ? pass : fail('PHI volume is encrypted with the default EBS key, not a customer managed key');
  },
});
