/** What a key is for: encrypting fields, or keying the blind index (never the same key). */
export type KeyPurpose = 'data' | 'index';

export interface KeyWrapContext {
  readonly tenantId: string;
  readonly purpose: KeyPurpose;
  /** Version of the data key being wrapped (not of the wrapping key). */
  readonly version: number;
}

/** A data key as stored: only ever in wrapped form (R-APP-1 envelope encryption). */
export interface WrappedDataKey {
  readonly provider: string;
  /** Which wrapping key (KMS key ARN, keyring entry) wrapped it. */
  readonly wrappingKeyId: string;
  /** Base64 of the provider's ciphertext. */
  readonly wrappedKey: string;
}

/**
 * Wraps and unwraps per-tenant data keys. AWS KMS in production, a local keyring in development.
 * Implementations must bind the wrapped key to its context (tenant, purpose, version), so a wrapped
 * key copied to another tenant does not unwrap.
 */
export interface KeyProvider {
  readonly name: string;
  /** Creates a fresh 256-bit data key; returns it in clear (for the cache) and wrapped (for storage). */
  generateDataKey(context: KeyWrapContext): Promise<{ plaintextKey: Buffer; wrapped: WrappedDataKey }>;
  unwrapDataKey(wrapped: WrappedDataKey, context: KeyWrapContext): Promise<Buffer>;
  /** Re-wraps under the tenant's current wrapping key; the data key itself does not change. */
  rewrapDataKey(wrapped: WrappedDataKey, context: KeyWrapContext): Promise<WrappedDataKey>;
  /** Makes a new wrapping key current for the tenant; older ones still unwrap until re-wrapped. */
  rotateWrappingKey(tenantId: string): Promise<void>;
  /** Destroys every wrapping key held for the tenant alone (crypto-shredding). */
  destroyTenantKeys(tenantId: string): Promise<void>;
}

export class KeyUnavailableError extends Error {
  override readonly name = 'KeyUnavailableError';
}
