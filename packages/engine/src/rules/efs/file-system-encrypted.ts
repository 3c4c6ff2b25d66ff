import { mustHold } from '../backup/checks.js';
import { defineRule } from '../rule.js';

export const efsFileSystemEncrypted = defineRule({
  id: 'efs-file-system-encrypted',
  title: 'EFS file systems are encrypted at rest',
  severity: 'high',
  rationale:
    'An unencrypted file system stores ePHI in the clear on AWS storage; encryption can only be chosen at creation.',
  remediation: {
    cloudformation:
      'Set Encrypted: true and KmsKeyId: !Ref PhiKey (a new file system; copy the data across).',
    terraform: 'Set encrypted = true and kms_key_id = aws_kms_key.phi.arn on aws_efs_file_system.',
    console: 'Create a new encrypted file system, copy the data (DataSync) and switch the mounts.',
  },
  controls: ['encryption-at-rest'],
  kinds: ['FileSystem'],
  equivalents: { cdkNag: ['HIPAA.Security-EFSEncrypted'], awsConfig: ['efs-encrypted-check'] },
  check(fs) {
    return mustHold(
      fs.facts.encrypted,
      'Encrypted',
      'file system is not encrypted (Encrypted is false or absent)',
    );
  },
});
