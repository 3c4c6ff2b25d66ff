import type { Val } from '../values.js';

export interface HubFacts {
  /** Security Hub enables its default standards (AWS FSBP and CIS AWS Foundations) on creation. @default true */
  readonly enableDefaultStandards: Val<boolean>;
  /**
   * Standards ARNs enabled by `AWS::SecurityHub::Standard` resources of the same input (they name no hub:
   * a standard applies to the account's hub).
   */
  readonly standards: readonly Val<string>[];
}

declare module '../resource.js' {
  interface KindFacts {
    Hub: HubFacts;
  }
}
