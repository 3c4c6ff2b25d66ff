import type { Val } from '../values.js';
import type { PolicyStatement } from './s3.js';

/** Key states as KMS reports them (`KeyMetadata.KeyState`); a template can only say Enabled or Disabled. */
export type KeyState =
  | 'Enabled'
  | 'Disabled'
  | 'PendingDeletion'
  | 'PendingImport'
  | 'Unavailable'
  | 'Creating';

export interface KeyFacts {
  /** Alias names (`alias/phi-data`) folded from `AWS::KMS::Alias` / `aws_kms_alias` pointing at the key. */
  readonly aliases: readonly Val<string>[];
  /** `Enabled` unless the template disables the key (`Enabled: false`). */
  readonly keyState: Val<KeyState>;
  /** Automatic rotation of the key material. @default false (AWS default for `EnableKeyRotation`). */
  readonly rotation: Val<boolean>;
  /** Days between automatic rotations. @default 365 */
  readonly rotationPeriodInDays: Val<number>;
  /** Waiting period before a scheduled deletion completes, 7–30 days. @default 30 */
  readonly pendingWindowInDays: Val<number>;
  /** `SYMMETRIC_DEFAULT`, `RSA_2048`, `ECC_NIST_P256`, `HMAC_256`, … @default SYMMETRIC_DEFAULT */
  readonly keySpec: Val<string>;
  /** `ENCRYPT_DECRYPT`, `SIGN_VERIFY`, `GENERATE_VERIFY_MAC`, `KEY_AGREEMENT`. @default ENCRYPT_DECRYPT */
  readonly keyUsage: Val<string>;
  /** `AWS_KMS`, `EXTERNAL` (imported material, which cannot rotate automatically). @default AWS_KMS */
  readonly origin: Val<string>;
  readonly multiRegion: Val<boolean>;
  /**
   * Key policy statements. Without a declared policy KMS applies the default key policy, which delegates to
   * IAM in the owning account (`Principal: {AWS: arn:aws:iam::<account>:root}`, `kms:*`): `policyDeclared` is
   * false and `policy` is empty.
   */
  readonly policy: Val<readonly PolicyStatement[]>;
  readonly policyDeclared: boolean;
}

/** Rotation applies only to symmetric encryption keys with KMS-generated material. */
export function keyRotationApplies(facts: KeyFacts): Val<boolean> {
  for (const value of [facts.keySpec, facts.keyUsage, facts.origin]) {
    if (typeof value !== 'string') return value;
  }
  return (
    facts.keySpec === 'SYMMETRIC_DEFAULT' &&
    facts.keyUsage === 'ENCRYPT_DECRYPT' &&
    facts.origin === 'AWS_KMS'
  );
}

declare module '../resource.js' {
  interface KindFacts {
    Key: KeyFacts;
  }
}
