import type { ResourceRef, Val } from '../values.js';
import type { EnvironmentVariable } from './lambda.js';

export interface BuildProjectFacts {
  readonly environment: Val<readonly EnvironmentVariable[]>;
  /** Source type (`GITHUB`, `CODECOMMIT`, `S3`, `CODEPIPELINE`, …) and location. */
  readonly sourceType: Val<string>;
  readonly sourceLocation: Val<string> | undefined;
  /** CMK for build artifacts (`EncryptionKey`); `undefined`: the AWS managed key for S3. */
  readonly encryptionKey: Val<ResourceRef | string> | undefined;
}

declare module '../resource.js' {
  interface KindFacts {
    BuildProject: BuildProjectFacts;
  }
}
