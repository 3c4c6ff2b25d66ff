import type { ContainerRepositoryFacts } from '../../../model/kinds/ecr.js';
import { registryScanningOf, TERRAFORM_SCANNING } from '../../ecr-scanning.js';
import { at, str } from '../../read.js';
import { type TfMapperTable, tfFolded, tfMapping } from '../mapper.js';
import { allStatements, documentStatements, referenceTo, unlessComputed } from './kms.js';
import { declaredBlock, tfBool } from './vpc.js';

/**
 * `aws_ecr_repository` with its `aws_ecr_repository_policy` folded in by `repository` (a reference to the
 * repository, or its name). Defaults as AWS applies them: no scan on push, AES256, mutable tags. The registry's
 * `aws_ecr_registry_scanning_configuration` (one per account and region) is read from the same input and stays a
 * resource of its own.
 */
const repository = tfMapping('ContainerRepository', (view, context): ContainerRepositoryFacts => {
  const v = view.values;
  const name = str(unlessComputed(v.name), undefined);
  const encryption = declaredBlock(v.encryption_configuration);
  const encryptionType = str(unlessComputed(at(encryption, 'encryption_type')), 'AES256');
  return {
    name,
    scanOnPush: tfBool(at(declaredBlock(v.image_scanning_configuration), 'scan_on_push'), false),
    registryScanning: registryScanningOf(
      name,
      context
        .ofType('aws_ecr_registry_scanning_configuration')
        .map((config) => ({ nativeId: config.address, properties: config.values })),
      TERRAFORM_SCANNING,
    ),
    encryptionType: encryptionType === '' ? 'AES256' : encryptionType,
    // Computed when unset: with KMS, AWS then uses the managed key aws/ecr.
    kmsKey: referenceTo(
      unlessComputed(at(encryption, 'kms_key')),
      context,
      ['aws_kms_key', 'aws_kms_alias', 'aws_kms_replica_key'],
      'arn',
    ),
    tagMutability: str(unlessComputed(v.image_tag_mutability), 'MUTABLE'),
    policy: allStatements(
      context
        .referrers('aws_ecr_repository_policy', 'repository')
        .map((p) => documentStatements(p.values.policy, `repository policy ${p.address}`)),
    ),
  };
});

export const ecrTfMappers: TfMapperTable = {
  aws_ecr_repository: repository,
  aws_ecr_repository_policy: tfFolded('repository'),
};
