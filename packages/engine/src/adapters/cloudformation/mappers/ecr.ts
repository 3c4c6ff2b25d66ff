import type { ContainerRepositoryFacts } from '../../../model/kinds/ecr.js';
import { PASCAL_CASE_SCANNING, registryScanningOf } from '../../ecr-scanning.js';
import { policyStatements } from '../../policy.js';
import { at, bool, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

/**
 * `AWS::ECR::Repository` with AWS defaults: no scan on push, AES256 encryption, mutable tags. The registry's
 * scanning configuration (`AWS::ECR::RegistryScanningConfiguration`, one per account and region) is read from the
 * same template and stays a resource of its own.
 */
const repository = cfnMapping('ContainerRepository', (view, context): ContainerRepositoryFacts => {
  const p = view.properties;
  const name = str(p.RepositoryName, undefined);
  return {
    name,
    scanOnPush: bool(at(p, 'ImageScanningConfiguration.ScanOnPush'), false),
    registryScanning: registryScanningOf(
      name,
      context
        .ofType('AWS::ECR::RegistryScanningConfiguration')
        .map((config) => ({ nativeId: config.logicalId, properties: config.properties })),
      PASCAL_CASE_SCANNING,
    ),
    encryptionType: str(at(p, 'EncryptionConfiguration.EncryptionType'), 'AES256'),
    kmsKey: refOrString(at(p, 'EncryptionConfiguration.KmsKey')),
    tagMutability: str(p.ImageTagMutability, 'MUTABLE'),
    policy: policyStatements(p.RepositoryPolicyText),
  };
});

export const ecrCfnMappers: CfnMapperTable = { 'AWS::ECR::Repository': repository };
