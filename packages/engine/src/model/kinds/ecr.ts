import type { ResourceRef, Val } from '../values.js';
import type { PolicyStatement } from './s3.js';

/**
 * How the registry's scanning configuration (`AWS::ECR::RegistryScanningConfiguration`,
 * `aws_ecr_registry_scanning_configuration`, declared in the same input) treats one repository.
 */
export interface RegistryScanning {
  /** `BASIC` (the default) or `ENHANCED` (Amazon Inspector). */
  readonly scanType: Val<string>;
  /**
   * The frequency of the matching rule: `CONTINUOUS_SCAN` wins over `SCAN_ON_PUSH` (as ECR enforces);
   * `MANUAL` when no rule's repository filter matches the repository (then, under ENHANCED, scanning is off).
   */
  readonly frequency: Val<'SCAN_ON_PUSH' | 'CONTINUOUS_SCAN' | 'MANUAL'>;
  /** Native id of the configuration resource, for messages. */
  readonly declaredBy: string;
}

export interface ContainerRepositoryFacts {
  readonly name: Val<string> | undefined;
  /** `ImageScanningConfiguration.ScanOnPush` / `image_scanning_configuration.scan_on_push`. @default false */
  readonly scanOnPush: Val<boolean>;
  /** The registry-level scanning rules that apply to it; `undefined` when the input declares none. */
  readonly registryScanning: RegistryScanning | undefined;
  /** `EncryptionConfiguration.EncryptionType` / `encryption_configuration.encryption_type`. @default 'AES256' */
  readonly encryptionType: Val<'AES256' | 'KMS' | 'KMS_DSSE' | string>;
  /** The KMS key (`KmsKey` / `kms_key`); `undefined` with KMS encryption means the AWS managed key `aws/ecr`. */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /**
   * `ImageTagMutability` / `image_tag_mutability`: `MUTABLE`, `IMMUTABLE`, `IMMUTABLE_WITH_EXCLUSION` or
   * `MUTABLE_WITH_EXCLUSION`. @default 'MUTABLE'
   */
  readonly tagMutability: Val<string>;
  /** Statements of the repository policy (`RepositoryPolicyText`, `aws_ecr_repository_policy`). */
  readonly policy: Val<readonly PolicyStatement[]>;
}

declare module '../resource.js' {
  interface KindFacts {
    ContainerRepository: ContainerRepositoryFacts;
  }
}
