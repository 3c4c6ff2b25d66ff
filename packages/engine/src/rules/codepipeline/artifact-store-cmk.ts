import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

/** `alias/aws/s3` or another AWS managed key alias, by name or ARN. */
const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

export const codepipelineArtifactStoreCmk = defineRule({
  id: 'codepipeline-artifact-store-cmk',
  title: 'CodePipeline artifact stores are encrypted with a customer managed KMS key',
  severity: 'medium',
  rationale:
    'Pipeline artifacts carry the source code, build outputs and deployment templates of the ePHI estate; with no ' +
    'EncryptionKey they are encrypted with the AWS managed key aws/s3, whose key policy nobody can restrict, so any ' +
    'principal with S3 read on the artifact bucket can read them (R-INF-2).',
  remediation: {
    cloudformation:
      'Set ArtifactStore.EncryptionKey: { Id: !GetAtt PipelineKey.Arn, Type: KMS } (and the same in every ' +
      'ArtifactStores entry) on AWS::CodePipeline::Pipeline.',
    terraform:
      'Add encryption_key { id = aws_kms_key.pipeline.arn, type = "KMS" } to every artifact_store block of ' +
      'aws_codepipeline.',
    console:
      'CodePipeline → the pipeline → Edit → Advanced settings → Encryption key: Customer managed key (for a ' +
      'pipeline defined as code, change its definition instead).',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Pipeline'],
  // checkov: CKV_AWS_219 (Terraform).
  check(pipeline) {
    const stores = pipeline.facts.artifactStores;
    if (isUnknown(stores)) return cannotVerify(`the artifact stores are ${stores.$unknown}`);
    if (stores.length === 0) return skip;
    const setting = pipeline.source.format === 'cloudformation' ? 'EncryptionKey' : 'encryption_key';
    const problems: string[] = [];
    for (const store of stores) {
      const where =
        store.region === undefined
          ? 'the artifact store'
          : `the artifact store in ${isUnknown(store.region) ? 'a region set at deploy time' : store.region}`;
      const key = store.encryptionKey;
      if (key === undefined) problems.push(`${where} has no ${setting} (AWS managed key aws/s3)`);
      else if (typeof key === 'string' && AWS_MANAGED_ALIAS.test(key))
        problems.push(`${where} uses the AWS managed key ${key}`);
    }
    return problems.length > 0 ? fail(problems.join('; ')) : pass;
  },
});
