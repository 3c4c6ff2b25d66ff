import {
  DecryptCommand,
  GenerateDataKeyCommand,
  KMSClient,
  ReEncryptCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import {
  type KeyProvider,
  KeyUnavailableError,
  type KeyWrapContext,
  type WrappedDataKey,
} from './key-provider.js';

export interface AwsKmsKeyProviderOptions {
  /** KMS key (id, ARN or alias) that wraps a tenant's data keys; a function gives each tenant its own key. */
  keyId: string | ((tenantId: string) => string);
  /**
   * True when `keyId` gives every tenant a key of its own: crypto-shredding then also schedules
   * that key's deletion. With a shared key, shredding deletes the tenant's wrapped data keys only.
   * @default false
   */
  dedicatedTenantKeys?: boolean;
  /** Days before KMS deletes a shredded tenant's key (7-30). @default 30 (R-INF-2) */
  deletionWindowDays?: number;
  /** @default a new KMSClient from the environment's region and credentials */
  client?: KMSClient;
}

/**
 * Production key provider (R-APP-1): data keys come from KMS GenerateDataKey and are bound to
 * their tenant by the encryption context, which KMS checks on Decrypt and CloudTrail records.
 */
export class AwsKmsKeyProvider implements KeyProvider {
  readonly name = 'aws-kms';
  readonly #client: KMSClient;
  readonly #keyId: (tenantId: string) => string;
  readonly #dedicated: boolean;
  readonly #deletionWindowDays: number;

  constructor(options: AwsKmsKeyProviderOptions) {
    const { keyId } = options;
    if (typeof keyId !== 'function' && (typeof keyId !== 'string' || keyId.length === 0)) {
      throw new TypeError(
        'AwsKmsKeyProvider: keyId must be a KMS key id, ARN or alias, or a function of the tenant',
      );
    }
    this.#keyId = typeof keyId === 'function' ? keyId : () => keyId;
    this.#client = options.client ?? new KMSClient({});
    this.#dedicated = options.dedicatedTenantKeys ?? false;
    this.#deletionWindowDays = options.deletionWindowDays ?? 30;
    if (this.#deletionWindowDays < 7 || this.#deletionWindowDays > 30) {
      throw new RangeError('AwsKmsKeyProvider: deletionWindowDays must be between 7 and 30');
    }
  }

  async generateDataKey(context: KeyWrapContext) {
    const result = await this.#client.send(
      new GenerateDataKeyCommand({
        KeyId: this.#keyId(context.tenantId),
        KeySpec: 'AES_256',
        EncryptionContext: encryptionContext(context),
      }),
    );
    if (!result.Plaintext || !result.CiphertextBlob || !result.KeyId) {
      throw new KeyUnavailableError('KMS GenerateDataKey returned no key');
    }
    return {
      plaintextKey: Buffer.from(result.Plaintext),
      wrapped: {
        provider: this.name,
        wrappingKeyId: result.KeyId,
        wrappedKey: Buffer.from(result.CiphertextBlob).toString('base64'),
      },
    };
  }

  async unwrapDataKey(wrapped: WrappedDataKey, context: KeyWrapContext): Promise<Buffer> {
    try {
      const result = await this.#client.send(
        new DecryptCommand({
          KeyId: wrapped.wrappingKeyId,
          CiphertextBlob: Buffer.from(wrapped.wrappedKey, 'base64'),
          EncryptionContext: encryptionContext(context),
        }),
      );
      if (!result.Plaintext) throw new Error('no plaintext');
      return Buffer.from(result.Plaintext);
    } catch (error) {
      throw new KeyUnavailableError(
        `KMS could not unwrap ${context.purpose} key v${context.version} of tenant ${context.tenantId} (${(error as Error).name})`,
      );
    }
  }

  async rewrapDataKey(wrapped: WrappedDataKey, context: KeyWrapContext): Promise<WrappedDataKey> {
    // ReEncrypt never exposes the data key outside KMS.
    const result = await this.#client.send(
      new ReEncryptCommand({
        CiphertextBlob: Buffer.from(wrapped.wrappedKey, 'base64'),
        SourceKeyId: wrapped.wrappingKeyId,
        SourceEncryptionContext: encryptionContext(context),
        DestinationKeyId: this.#keyId(context.tenantId),
        DestinationEncryptionContext: encryptionContext(context),
      }),
    );
    if (!result.CiphertextBlob || !result.KeyId)
      throw new KeyUnavailableError('KMS ReEncrypt returned no key');
    return {
      provider: this.name,
      wrappingKeyId: result.KeyId,
      wrappedKey: Buffer.from(result.CiphertextBlob).toString('base64'),
    };
  }

  /** KMS rotates key material itself (enable rotation, R-INF-2); point the alias elsewhere then call rewrapAll. */
  async rotateWrappingKey(): Promise<void> {}

  async destroyTenantKeys(tenantId: string): Promise<void> {
    if (!this.#dedicated) return;
    await this.#client.send(
      new ScheduleKeyDeletionCommand({
        KeyId: this.#keyId(tenantId),
        PendingWindowInDays: this.#deletionWindowDays,
      }),
    );
  }
}

function encryptionContext(context: KeyWrapContext): Record<string, string> {
  return {
    'safeguard:tenant': context.tenantId,
    'safeguard:purpose': context.purpose,
    'safeguard:version': String(context.version),
  };
}
