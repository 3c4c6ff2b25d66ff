import { mustHold } from '../backup/checks.js';
import { defineRule } from '../rule.js';

export const ebsVolumeEncrypted = defineRule({
  id: 'ebs-volume-encrypted',
  title: 'EBS volumes are encrypted',
  severity: 'high',
  rationale:
    'An unencrypted volume and its snapshots hold ePHI in the clear; a shared or leaked snapshot discloses it (R-INF-4). ' +
    'An absent Encrypted depends on the account setting, which a template cannot prove.',
  remediation: {
    cloudformation: 'Set Encrypted: true and KmsKeyId: !Ref PhiKey on the AWS::EC2::Volume.',
    terraform:
      'Set encrypted = true and kms_key_id on aws_ebs_volume (and enable aws_ebs_encryption_by_default).',
    console:
      'Snapshot the volume, copy the snapshot with encryption, create a volume from it and swap it in.',
  },
  controls: ['encryption-at-rest'],
  kinds: ['Volume'],
  equivalents: { awsConfig: ['encrypted-volumes', 'ec2-ebs-encryption-by-default'] },
  check(volume) {
    return mustHold(volume.facts.encrypted, 'Encrypted', 'volume is not encrypted (Encrypted: false)');
  },
});
