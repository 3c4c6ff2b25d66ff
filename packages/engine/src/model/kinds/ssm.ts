import type { ResourceRef, Val } from '../values.js';

export interface SsmParameterFacts {
  /** `Name`; `undefined` when AWS generates it (then rules name the parameter by its native id). */
  readonly name: Val<string> | undefined;
  /** `String`, `StringList` or `SecureString` (CloudFormation can create only the first two). */
  readonly type: Val<string>;
  /** The value as written: a literal, a reference, or unknown until deploy. Never printed (R-X-2). */
  readonly value: Val<string | ResourceRef>;
}

declare module '../resource.js' {
  interface KindFacts {
    SsmParameter: SsmParameterFacts;
  }
}
