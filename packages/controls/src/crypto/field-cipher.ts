import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SqlExecutor } from '../storage/database.js';
import { tenantIdSchema } from '../tenancy/tenant-scope.js';
import type { TenantKey, TenantKeyStore } from './tenant-key-store.js';

/**
 * Ciphertext format, version 1 (self-describing, text so it fits any column):
 *
 *   sgf1.<data key version>.<base64url(iv[12] ‖ AES-256-GCM ciphertext ‖ tag[16])>
 *
 * "sgf1" names the format and with it the algorithm (AES-256-GCM, 96-bit random IV, 128-bit tag);
 * the key version lets rotated keys coexist. The associated data binds the ciphertext to tenant,
 * table, column, record id and key version, so a ciphertext copied to another row, column or
 * tenant fails authentication instead of decrypting (R-APP-1).
 */
const formatTag = 'sgf1';
const ciphertextPattern = /^sgf1\.([1-9][0-9]{0,8})\.([A-Za-z0-9_-]+)$/;

export const fieldLocationSchema = z
  .object({
    tenantId: tenantIdSchema,
    table: z.string().min(1, 'table must not be empty').max(128),
    column: z.string().min(1, 'column must not be empty').max(128),
    recordId: z.string().min(1, 'recordId must not be empty').max(256),
  })
  .strict();
/** Where a field lives; all four parts are authenticated with the ciphertext. */
export type FieldLocation = z.infer<typeof fieldLocationSchema>;

export class FieldDecryptionError extends Error {
  override readonly name = 'FieldDecryptionError';
}

/** Plain JSON value a field may hold (encrypted as its JSON text, so its type survives). */
export type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };

export function isFieldCiphertext(value: unknown): value is string {
  return typeof value === 'string' && ciphertextPattern.test(value);
}

/** Field-level envelope encryption and blind indexing over per-tenant keys (R-APP-1). */
export class FieldCipher {
  readonly #keys: TenantKeyStore;

  constructor(keys: TenantKeyStore) {
    this.#keys = keys;
  }

  async encrypt(location: FieldLocation, value: FieldValue, scope?: SqlExecutor): Promise<string> {
    checkLocation(location);
    const key =
      this.#keys.cached(location.tenantId, 'data') ??
      (await this.#keys.current(location.tenantId, 'data', scope));
    return encryptWithKey(location, key, value);
  }

  async decrypt(location: FieldLocation, ciphertext: string, scope?: SqlExecutor): Promise<FieldValue> {
    checkLocation(location);
    const match = ciphertextPattern.exec(typeof ciphertext === 'string' ? ciphertext : '');
    if (!match) {
      throw new FieldDecryptionError(
        `${location.table}.${location.column} of record ${location.recordId} is not a ${formatTag} ciphertext`,
      );
    }
    const version = Number(match[1]);
    const key =
      this.#keys.cached(location.tenantId, 'data', version) ??
      (await this.#keys.version(location.tenantId, 'data', version, scope));
    const blob = Buffer.from(match[2]!, 'base64url');
    if (blob.length < 28)
      throw new FieldDecryptionError(`${location.table}.${location.column}: ciphertext truncated`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.key, blob.subarray(0, 12));
      decipher.setAAD(associatedData(location, version));
      decipher.setAuthTag(blob.subarray(blob.length - 16));
      const clear = Buffer.concat([decipher.update(blob.subarray(12, blob.length - 16)), decipher.final()]);
      return JSON.parse(clear.toString('utf8')) as FieldValue;
    } catch {
      // Never echo the ciphertext or any clear text: only the location (R-X-2).
      throw new FieldDecryptionError(
        `${location.table}.${location.column} of record ${location.recordId} (tenant ${location.tenantId}) failed authentication: the ciphertext was altered or belongs to another row, column or tenant`,
      );
    }
  }

  /**
   * Keyed blind index (HMAC-SHA-256 under the tenant's separate index key) for exact-match search
   * on an encrypted field. Equal inputs give equal tokens within one tenant, table and column only.
   */
  async blindIndex(
    location: Omit<FieldLocation, 'recordId'>,
    value: string,
    scope?: SqlExecutor,
  ): Promise<string> {
    tenantIdSchema.parse(location.tenantId);
    // The index key never rotates: a new key would silently break every stored token.
    const key =
      this.#keys.cached(location.tenantId, 'index') ??
      (await this.#keys.current(location.tenantId, 'index', scope));
    return createHmac('sha256', key.key)
      .update(JSON.stringify(['sgbi1', location.tenantId, location.table, location.column, value]))
      .digest('base64url');
  }

  /**
   * Encrypts the named fields of a record in one call; other fields pass through unchanged, and
   * absent or null fields stay so. The result's encrypted fields are typed as strings.
   */
  async encryptFields<T extends Record<string, unknown>, K extends keyof T & string>(
    where: { tenantId: string; table: string; recordId: string },
    record: T,
    fields: readonly K[],
    scope?: SqlExecutor,
  ): Promise<Omit<T, K> & { [P in K]: T[P] extends null | undefined ? T[P] : string }> {
    const out: Record<string, unknown> = { ...record };
    for (const column of fields) {
      const value = record[column];
      if (value === undefined || value === null) continue;
      out[column] = await this.encrypt({ ...where, column }, value as FieldValue, scope);
    }
    return out as Omit<T, K> & { [P in K]: T[P] extends null | undefined ? T[P] : string };
  }

  /** Reverse of `encryptFields`. */
  async decryptFields<T extends Record<string, unknown>>(
    where: { tenantId: string; table: string; recordId: string },
    record: Record<string, unknown>,
    fields: readonly string[],
    scope?: SqlExecutor,
  ): Promise<T> {
    const out: Record<string, unknown> = { ...record };
    for (const column of fields) {
      const value = record[column];
      if (value === undefined || value === null) continue;
      out[column] = await this.decrypt({ ...where, column }, value as string, scope);
    }
    return out as T;
  }
}

function encryptWithKey(location: FieldLocation, key: TenantKey, value: FieldValue): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(associatedData(location, key.version));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${formatTag}.${key.version}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

function associatedData(location: FieldLocation, version: number): Buffer {
  return Buffer.from(
    JSON.stringify([
      formatTag,
      location.tenantId,
      location.table,
      location.column,
      location.recordId,
      version,
    ]),
  );
}

// Hot path: validate cheaply, and only go through zod (for its field-naming message) on failure.
function checkLocation(location: FieldLocation) {
  if (
    typeof location !== 'object' ||
    location === null ||
    typeof location.tenantId !== 'string' ||
    typeof location.table !== 'string' ||
    typeof location.column !== 'string' ||
    typeof location.recordId !== 'string' ||
    location.table.length === 0 ||
    location.column.length === 0 ||
    location.recordId.length === 0
  ) {
    fieldLocationSchema.parse(location);
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/.test(location.tenantId)) tenantIdSchema.parse(location.tenantId);
}
