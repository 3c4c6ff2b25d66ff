import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

/** `alias/aws/ecr` or any other AWS managed key alias, by name or ARN. */
const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

export const ecrRepositoryPhiCmk = defineRule({
  id: 'ecr-repository-phi-cmk',
  title: 'ECR repositories inside the PHI boundary encrypt images with a customer managed KMS key',
  severity: 'high',
  rationale:
    'An image inside the PHI boundary can hold ePHI or the code and configuration that reach it; R-INF-2 asks for ' +
    'customer managed keys so that a key policy you control decides who can pull it and key use is audited. ' +
    'AES256 (ECR-owned keys) and the AWS managed key aws/ecr allow neither.',
  remediation: {
    cloudformation:
      'Set EncryptionConfiguration: { EncryptionType: KMS, KmsKey: !GetAtt PhiKey.Arn } on AWS::ECR::Repository ' +
      '(the repository is replaced: push the images again).',
    terraform:
      'Add encryption_configuration { encryption_type = "KMS", kms_key = aws_kms_key.phi.arn } to ' +
      'aws_ecr_repository (forces a new repository).',
    console:
      'ECR → Create repository → Encryption settings → AWS KMS → a customer managed key, then move the images.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['ContainerRepository'],
  // checkov: CKV_AWS_136.
  equivalents: { awsConfig: ['ecr-repository-cmk-encryption-enabled'] },
  check(repository, { boundary }) {
    if (!boundary.has(repository.id)) return skip;
    const inside = `the repository is inside the PHI boundary (${boundary.reason(repository.id) ?? 'PHI'})`;
    const { encryptionType: type, kmsKey } = repository.facts;
    if (isUnknown(type)) return cannotVerify(`the encryption type is ${type.$unknown}`);
    if (type !== 'KMS' && type !== 'KMS_DSSE')
      return fail(
        `${inside} but its images are encrypted with ${type} (ECR-owned keys), not a customer managed key`,
      );
    if (kmsKey === undefined)
      return fail(
        `${inside} but it uses the AWS managed key aws/ecr (no ${repository.source.format === 'cloudformation' ? 'KmsKey' : 'kms_key'})`,
      );
    if (typeof kmsKey === 'string' && AWS_MANAGED_ALIAS.test(kmsKey))
      return fail(`${inside} but it uses the AWS managed key ${kmsKey}`);
    return pass;
  },
});
