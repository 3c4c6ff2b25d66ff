import { keyRotationApplies } from '../../model/kinds/kms.js';
import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const kmsKeyRotation = defineRule({
  id: 'kms-key-rotation',
  title: 'KMS customer managed keys rotate their key material automatically',
  severity: 'medium',
  rationale:
    'Rotation limits how much ePHI one key version protects and how long a leaked version stays useful; ' +
    'R-INF-2 requires rotation on for every customer managed key.',
  remediation: {
    cloudformation:
      'Set EnableKeyRotation: true on the AWS::KMS::Key (optionally RotationPeriodInDays: 365).',
    terraform: 'Set enable_key_rotation = true on aws_kms_key.',
    console:
      'KMS → Customer managed keys → key → Key rotation → Automatically rotate this KMS key every year.',
  },
  controls: ['key-management', 'encryption-at-rest'],
  kinds: ['Key'],
  equivalents: { awsConfig: ['cmk-backing-key-rotation-enabled'] },
  check(key) {
    const state = key.facts.keyState;
    if (isUnknown(state)) return cannotVerify(`key state is ${state.$unknown}`);
    // A disabled key or one pending deletion encrypts nothing new: not a compliance failure.
    if (state !== 'Enabled') return skip;
    const applies = keyRotationApplies(key.facts);
    if (isUnknown(applies)) return cannotVerify(`key spec/usage/origin is ${applies.$unknown}`);
    // Automatic rotation exists only for symmetric encryption keys with KMS-generated material.
    if (!applies) return skip;
    const rotation = key.facts.rotation;
    if (isUnknown(rotation)) return cannotVerify(`EnableKeyRotation is ${rotation.$unknown}`);
    return rotation ? pass : fail('automatic key rotation is off (EnableKeyRotation is false or not set)');
  },
});
