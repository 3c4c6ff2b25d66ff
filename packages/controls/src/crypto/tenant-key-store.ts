import { z } from 'zod';
import type { Database, SqlExecutor } from '../storage/database.js';
import { withTenant } from '../tenancy/tenant-scope.js';
import type { KeyProvider, KeyPurpose, KeyWrapContext, WrappedDataKey } from './key-provider.js';

export const keyCacheOptions = z
  .object({
    /** How long an unwrapped key stays in memory. @default 300000 (5 minutes) */
    ttlMs: z.number().int().min(0).max(86_400_000).default(300_000),
    /** Uses after which an unwrapped key is dropped and unwrapped again. @default 1000000 */
    maxUses: z.number().int().min(1).default(1_000_000),
    /** Most keys held at once (least recently loaded dropped first). @default 10000 */
    maxEntries: z.number().int().min(1).default(10_000),
  })
  .strict();
export type KeyCacheOptions = z.input<typeof keyCacheOptions>;

export class TenantShreddedError extends Error {
  override readonly name = 'TenantShreddedError';
  constructor(readonly tenantId: string) {
    super(
      `tenant ${tenantId} was crypto-shredded: its keys are destroyed and its encrypted fields are unreadable`,
    );
  }
}

export interface TenantKey {
  readonly version: number;
  readonly key: Buffer;
}

interface CachedKey {
  key: Buffer;
  expiresAt: number;
  usesLeft: number;
}

interface KeyRow {
  version: number;
  provider: string;
  wrapping_key_id: string;
  wrapped_key: string;
}

/**
 * Per-tenant data keys, stored wrapped in `tenant_keys` and cached unwrapped with a TTL and a use
 * limit so a KMS call is not paid per field while a leaked process image holds few keys
 * (R-APP-1). The cache also remembers each tenant's current version for the TTL.
 */
export class TenantKeyStore {
  readonly #db: Database;
  readonly #provider: KeyProvider;
  readonly #options: z.output<typeof keyCacheOptions>;
  readonly #keys = new Map<string, CachedKey>();
  readonly #current = new Map<string, { version: number; expiresAt: number }>();

  constructor(db: Database, provider: KeyProvider, cache: KeyCacheOptions = {}) {
    this.#db = db;
    this.#provider = provider;
    this.#options = keyCacheOptions.parse(cache);
  }

  /** Cached key, synchronously, or undefined when it must be loaded. Counts one use. */
  cached(tenantId: string, purpose: KeyPurpose, version?: number): TenantKey | undefined {
    const now = Date.now();
    let wanted = version;
    if (wanted === undefined) {
      const current = this.#current.get(`${tenantId}\u0000${purpose}`);
      if (!current || current.expiresAt <= now) return undefined;
      wanted = current.version;
    }
    const entry = this.#keys.get(cacheKey(tenantId, purpose, wanted));
    if (!entry || entry.expiresAt <= now || entry.usesLeft <= 0) return undefined;
    entry.usesLeft -= 1;
    return { version: wanted, key: entry.key };
  }

  /** The tenant's newest key for `purpose`, created (version 1) on first use. */
  async current(tenantId: string, purpose: KeyPurpose, scope?: SqlExecutor): Promise<TenantKey> {
    const hit = this.cached(tenantId, purpose);
    if (hit) return hit;
    return this.#scoped(tenantId, scope, async (tx) => {
      let rows = await tx.query<KeyRow>(
        `SELECT version, provider, wrapping_key_id, wrapped_key FROM tenant_keys
          WHERE tenant_id = $1 AND purpose = $2 ORDER BY version DESC LIMIT 1`,
        [tenantId, purpose],
      );
      if (rows.length === 0) {
        await this.#refuseShredded(tx, tenantId);
        await this.#insertNewKey(tx, tenantId, purpose, 1);
        rows = await tx.query<KeyRow>(
          `SELECT version, provider, wrapping_key_id, wrapped_key FROM tenant_keys
            WHERE tenant_id = $1 AND purpose = $2 ORDER BY version DESC LIMIT 1`,
          [tenantId, purpose],
        );
      }
      const row = rows[0]!;
      this.#current.set(`${tenantId}\u0000${purpose}`, {
        version: row.version,
        expiresAt: Date.now() + this.#options.ttlMs,
      });
      return { version: row.version, key: await this.#unwrapAndCache(tenantId, purpose, row) };
    });
  }

  /** A given version, e.g. the one named in a ciphertext's header. */
  async version(
    tenantId: string,
    purpose: KeyPurpose,
    version: number,
    scope?: SqlExecutor,
  ): Promise<TenantKey> {
    const hit = this.cached(tenantId, purpose, version);
    if (hit) return hit;
    return this.#scoped(tenantId, scope, async (tx) => {
      const rows = await tx.query<KeyRow>(
        `SELECT version, provider, wrapping_key_id, wrapped_key FROM tenant_keys
          WHERE tenant_id = $1 AND purpose = $2 AND version = $3`,
        [tenantId, purpose, version],
      );
      const row = rows[0];
      if (!row) {
        await this.#refuseShredded(tx, tenantId);
        throw new Error(`tenant ${tenantId} has no ${purpose} key version ${version}`);
      }
      return { version, key: await this.#unwrapAndCache(tenantId, purpose, row) };
    });
  }

  /**
   * Data-key rotation: a new version becomes current for new writes; older ciphertexts stay
   * readable because their header names their version. No downtime: nothing is rewritten.
   */
  async rotateDataKey(tenantId: string): Promise<number> {
    const version = await withTenant(this.#db, tenantId, async (tx) => {
      await this.#refuseShredded(tx, tenantId);
      const [row] = await tx.query<{ next: number }>(
        `SELECT coalesce(max(version), 0) + 1 AS next FROM tenant_keys WHERE tenant_id = $1 AND purpose = 'data'`,
        [tenantId],
      );
      await this.#insertNewKey(tx, tenantId, 'data', Number(row!.next));
      return Number(row!.next);
    });
    this.#current.delete(`${tenantId}\u0000data`);
    return version;
  }

  /**
   * Wrapping-key rotation: every stored data key of the tenant (or of all tenants) is re-wrapped
   * under the provider's current wrapping key, one row at a time, so readers never wait and
   * ciphertexts never change. Runs as the schema owner (maintenance, not application, work).
   */
  async rewrapAll(options: { tenantId?: string } = {}): Promise<number> {
    const rows = await this.#db.query<KeyRow & { tenant_id: string; purpose: KeyPurpose }>(
      `SELECT tenant_id, purpose, version, provider, wrapping_key_id, wrapped_key FROM tenant_keys
        WHERE $1::text IS NULL OR tenant_id = $1 ORDER BY tenant_id, purpose, version`,
      [options.tenantId ?? null],
    );
    for (const row of rows) {
      const context: KeyWrapContext = { tenantId: row.tenant_id, purpose: row.purpose, version: row.version };
      const wrapped = await this.#provider.rewrapDataKey(toWrapped(row), context);
      await this.#db.query(
        `UPDATE tenant_keys SET provider = $4, wrapping_key_id = $5, wrapped_key = $6, rewrapped_at = now()
          WHERE tenant_id = $1 AND purpose = $2 AND version = $3`,
        [
          row.tenant_id,
          row.purpose,
          row.version,
          wrapped.provider,
          wrapped.wrappingKeyId,
          wrapped.wrappedKey,
        ],
      );
    }
    return rows.length;
  }

  /**
   * Crypto-shredding (R-APP-1): the tenant's wrapped keys are deleted, its wrapping keys destroyed
   * at the provider and the cache emptied; a tombstone stops the keys from being re-created.
   * Every ciphertext and blind index of the tenant is unreadable from then on, backups included
   * once the provider's copy is gone.
   */
  async shredTenant(tenantId: string): Promise<void> {
    await this.#db.transaction(async (tx) => {
      await tx.query('INSERT INTO shredded_tenants (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING', [
        tenantId,
      ]);
      await tx.query('DELETE FROM tenant_keys WHERE tenant_id = $1', [tenantId]);
    });
    await this.#provider.destroyTenantKeys(tenantId);
    for (const key of [...this.#keys.keys()]) if (key.startsWith(`${tenantId}\u0000`)) this.#keys.delete(key);
    for (const key of [...this.#current.keys()])
      if (key.startsWith(`${tenantId}\u0000`)) this.#current.delete(key);
  }

  /** Drops every unwrapped key from memory. */
  clearCache(): void {
    this.#keys.clear();
    this.#current.clear();
  }

  async #scoped<T>(tenantId: string, scope: SqlExecutor | undefined, work: (tx: SqlExecutor) => Promise<T>) {
    return scope ? work(scope) : withTenant(this.#db, tenantId, work);
  }

  async #refuseShredded(tx: SqlExecutor, tenantId: string) {
    const shredded = await tx.query('SELECT 1 FROM shredded_tenants WHERE tenant_id = $1', [tenantId]);
    if (shredded.length > 0) throw new TenantShreddedError(tenantId);
  }

  async #insertNewKey(tx: SqlExecutor, tenantId: string, purpose: KeyPurpose, version: number) {
    const { wrapped } = await this.#provider.generateDataKey({ tenantId, purpose, version });
    // Two processes may create the same first key at once; the loser simply reads the winner's.
    await tx.query(
      `INSERT INTO tenant_keys (tenant_id, purpose, version, provider, wrapping_key_id, wrapped_key)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [tenantId, purpose, version, wrapped.provider, wrapped.wrappingKeyId, wrapped.wrappedKey],
    );
  }

  async #unwrapAndCache(tenantId: string, purpose: KeyPurpose, row: KeyRow): Promise<Buffer> {
    const key = await this.#provider.unwrapDataKey(toWrapped(row), {
      tenantId,
      purpose,
      version: row.version,
    });
    if (this.#keys.size >= this.#options.maxEntries) {
      const oldest = this.#keys.keys().next().value;
      if (oldest !== undefined) this.#keys.delete(oldest);
    }
    this.#keys.set(cacheKey(tenantId, purpose, row.version), {
      key,
      expiresAt: Date.now() + this.#options.ttlMs,
      usesLeft: this.#options.maxUses,
    });
    return key;
  }
}

function cacheKey(tenantId: string, purpose: KeyPurpose, version: number) {
  return `${tenantId}\u0000${purpose}\u0000${version}`;
}

function toWrapped(row: KeyRow): WrappedDataKey {
  return { provider: row.provider, wrappingKeyId: row.wrapping_key_id, wrappedKey: row.wrapped_key };
}
