import type { ResourceRef, Val } from '../values.js';
import type { EnvironmentVariable } from './lambda.js';

/** One artifact store (`ArtifactStore`, each entry of `ArtifactStores`; Terraform `artifact_store` blocks). */
export interface PipelineArtifactStore {
  /** Region of a cross-region store; `undefined` for the pipeline's own region. */
  readonly region: Val<string> | undefined;
  /**
   * `EncryptionKey.Id` / `encryption_key.id`; `undefined`: artifacts are encrypted with the AWS managed key for
   * S3 (`aws/s3`), whose key policy nobody can restrict.
   */
  readonly encryptionKey: Val<ResourceRef | string> | undefined;
}

export interface PipelineAction {
  readonly stage: string;
  readonly name: string;
  /** `ActionTypeId.Provider` / `provider` (`GitHub`, `CodeStarSourceConnection`, `CodeBuild`, …). */
  readonly provider: Val<string>;
  /** `Configuration` as name/value entries; values stay references where they are. */
  readonly configuration: Val<readonly EnvironmentVariable[]>;
  /**
   * A CodeBuild action's `EnvironmentVariables` (a JSON list of `{name, value, type}`), when written as literal
   * JSON; PARAMETER_STORE and SECRETS_MANAGER entries are marked as resolved from a secret store.
   */
  readonly environment: Val<readonly EnvironmentVariable[]> | undefined;
}

export interface PipelineFacts {
  readonly name: Val<string> | undefined;
  readonly artifactStores: Val<readonly PipelineArtifactStore[]>;
  readonly actions: Val<readonly PipelineAction[]>;
}

declare module '../resource.js' {
  interface KindFacts {
    Pipeline: PipelineFacts;
  }
}
