import { isUnknown } from '../../model/values.js';
import { isCustomerManagedKey } from '../backup/checks.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const efsFileSystemCmk = defineRule({
  id: 'efs-file-system-cmk',
  title: 'EFS file systems use a customer managed key',
  severity: 'medium',
  rationale:
    'Under the AWS managed aws/elasticfilesystem key, access to ePHI files cannot be restricted or audited through ' +
    'a key policy of your own (R-INF-2). Judged on every file system: EFS tags (FileSystemTags) are not read into ' +
    'the PHI boundary by the CloudFormation adapter, so a PHI-only rule would miss tagged file systems.',
  remediation: {
    cloudformation: 'Set KmsKeyId: !Ref PhiKey with Encrypted: true (a new file system).',
    terraform: 'Set kms_key_id = aws_kms_key.phi.arn on aws_efs_file_system.',
    console: 'Create a new file system encrypted with the customer managed key and copy the data across.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['FileSystem'],
  check(fs, { boundary }) {
    if (fs.facts.encrypted !== true) return skip; // efs-file-system-encrypted
    const cmk = isCustomerManagedKey(fs.facts.kmsKey);
    if (isUnknown(cmk)) return cannotVerify(`KmsKeyId is ${cmk.$unknown}`);
    const what = boundary.has(fs.id) ? 'PHI file system' : 'file system';
    return cmk ? pass : fail(`${what} is encrypted with the AWS managed key, not a customer managed key`);
  },
});
