import { defineRule, fail, pass } from '../rule.js';

export const codebuildProjectEncryptionKey = defineRule({
  id: 'codebuild-project-encryption-key',
  title: 'CodeBuild projects encrypt artifacts with a customer managed key',
  severity: 'medium',
  rationale:
    'Build artifacts and caches can contain configuration and test data; a CMK puts their decryption behind a key policy you control (R-INF-2).',
  remediation: {
    cloudformation: 'Set EncryptionKey: !GetAtt BuildKey.Arn on AWS::CodeBuild::Project.',
    terraform: 'Set encryption_key = aws_kms_key.build.arn on aws_codebuild_project.',
    console:
      'CodeBuild → the project → Edit → Additional configuration → Encryption key: a customer managed key.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['BuildProject'],
  equivalents: { awsConfig: ['codebuild-project-artifact-encryption'] },
  check(project) {
    return project.facts.encryptionKey === undefined
      ? fail('no EncryptionKey: artifacts use the AWS managed S3 key')
      : pass;
  },
});
