import type { ResourceRef, Val } from '../values.js';

export interface NotebookFacts {
  /** `KmsKeyId` of the ML storage volume; `undefined`: an AWS managed key. */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /** `DirectInternetAccess`. @default Enabled */
  readonly directInternetAccess: Val<boolean>;
  /** @default Enabled */
  readonly rootAccess: Val<boolean>;
  readonly inVpc: Val<boolean>;
}

export interface EndpointConfigFacts {
  /** `KmsKeyId` of the ML storage volumes of the endpoint; `undefined`: an AWS managed key. */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
}

declare module '../resource.js' {
  interface KindFacts {
    Notebook: NotebookFacts;
    EndpointConfig: EndpointConfigFacts;
  }
}
