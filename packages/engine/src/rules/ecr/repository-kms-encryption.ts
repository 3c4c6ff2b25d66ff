import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

/**
 * Decision (R-INF-2, R-INF-4): images rarely hold ePHI, so a repository outside the PHI boundary that keeps the
 * AES256 default is a medium finding here, and any KMS key (the AWS managed aws/ecr included) passes. A repository
 * inside the boundary (tagged PHI, or reached by a PHI resource) needs a customer managed key: ecr-repository-phi-cmk.
 */
export const ecrRepositoryKmsEncryption = defineRule({
  id: 'ecr-repository-kms-encryption',
  title: 'ECR repositories outside the PHI boundary encrypt images with KMS rather than AES256',
  severity: 'medium',
  rationale:
    'AES256 encryption uses keys ECR owns: nobody can restrict or audit their use, and a repository that later ' +
    'stores images with PHI baked in (seed data, models, exports) is already non-compliant. A KMS key puts every ' +
    'image pull behind a key policy and a CloudTrail record. PHI repositories are judged by ecr-repository-phi-cmk.',
  remediation: {
    cloudformation:
      'Set EncryptionConfiguration: { EncryptionType: KMS, KmsKey: !GetAtt ImageKey.Arn } on AWS::ECR::Repository ' +
      '(the repository is replaced: push the images again).',
    terraform:
      'Add encryption_configuration { encryption_type = "KMS", kms_key = aws_kms_key.images.arn } to ' +
      'aws_ecr_repository (forces a new repository).',
    console:
      'ECR → Create repository → Encryption settings → AWS KMS with a customer managed key (encryption cannot be ' +
      'changed on an existing repository).',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['ContainerRepository'],
  check(repository, { boundary }) {
    if (boundary.has(repository.id)) return skip;
    const type = repository.facts.encryptionType;
    if (isUnknown(type)) return cannotVerify(`the encryption type is ${type.$unknown}`);
    if (type === 'KMS' || type === 'KMS_DSSE') return pass;
    return fail(
      type === 'AES256'
        ? 'images are encrypted with AES256 (ECR-owned keys, the default), not a KMS key'
        : `encryption type ${type} is not KMS`,
    );
  },
});
