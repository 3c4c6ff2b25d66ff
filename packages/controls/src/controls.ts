import { defaultSensitiveDetailKeys } from './audit/audit-entry.js';
import { AuditLog } from './audit/audit-log.js';
import { type CheckpointSigner, ed25519CheckpointSigner } from './audit/checkpoint-signer.js';
import { FieldCipher, type FieldValue } from './crypto/field-cipher.js';
import type { KeyProvider } from './crypto/key-provider.js';
import { LocalKeyring } from './crypto/local-keyring.js';
import { type KeyCacheOptions, TenantKeyStore } from './crypto/tenant-key-store.js';
import { type OutboxConsumer, OutboxWorker, type OutboxWorkerOptions } from './outbox/outbox.js';
import { QuotaLedger } from './quotas/quota-ledger.js';
import { ProtectedCollection, type ProtectedCollectionDefinition } from './records/protected-collection.js';
import {
  type Database,
  type OpenDatabaseOptions,
  openDatabase,
  type SqlExecutor,
} from './storage/database.js';
import { applyMigrations } from './storage/migrations.js';
import { withTenant } from './tenancy/tenant-scope.js';

export interface OpenControlsOptions extends OpenDatabaseOptions {
  /** Wraps tenant data keys. @default a LocalKeyring (development only) */
  keyProvider?: KeyProvider;
  keyCache?: KeyCacheOptions;
  audit?: {
    /** @default the LocalKeyring's audit redaction key */
    redactionKey?: Buffer;
    /** @default the LocalKeyring's Ed25519 key */
    signer?: CheckpointSigner;
    /** @default defaultSensitiveDetailKeys */
    sensitiveKeys?: string[];
    maxBatchSize?: number;
    checkpointEvery?: number;
    checkpointIntervalMs?: number;
  };
  /** Apply pending migrations at start. Turn off when the runtime login may not change the schema. @default true */
  migrate?: boolean;
}

export interface Controls {
  readonly db: Database;
  readonly keys: TenantKeyStore;
  readonly fields: FieldCipher;
  readonly audit: AuditLog;
  readonly quotas: QuotaLedger;
  /** A tenant-scoped transaction as the non-owner application role (R-APP-7). */
  withTenant<T>(tenantId: string, work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  collection<T extends Record<string, FieldValue>>(
    definition: ProtectedCollectionDefinition<T>,
  ): ProtectedCollection<T>;
  outboxWorker(consume: OutboxConsumer, options?: OutboxWorkerOptions): OutboxWorker;
  /** Flushes the audit queue, signs a final checkpoint and closes the database. */
  close(): Promise<void>;
}

/**
 * Opens everything a service needs: PGlite in `dataDir` (default) or PostgreSQL at `databaseUrl`,
 * migrations, keys, field encryption, audit log, quotas and outbox.
 */
export async function openControls(options: OpenControlsOptions = {}): Promise<Controls> {
  const { keyProvider, keyCache, audit: auditOptions = {}, migrate = true, ...databaseOptions } = options;
  const provider = keyProvider ?? new LocalKeyring();
  let redactionKey = auditOptions.redactionKey;
  let signer = auditOptions.signer;
  if (!redactionKey || !signer) {
    if (!(provider instanceof LocalKeyring)) {
      throw new Error(
        'audit.redactionKey and audit.signer are required with a non-local key provider (load them from your secret store)',
      );
    }
    redactionKey ??= await provider.auditRedactionKey();
    signer ??= ed25519CheckpointSigner(await provider.auditSigningKey());
  }
  const db = await openDatabase(databaseOptions);
  try {
    if (migrate) await applyMigrations(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const keys = new TenantKeyStore(db, provider, keyCache);
  const fields = new FieldCipher(keys);
  const audit = new AuditLog(db, {
    redactionKey,
    signer,
    sensitiveKeys: auditOptions.sensitiveKeys ?? [...defaultSensitiveDetailKeys],
    ...(auditOptions.maxBatchSize ? { maxBatchSize: auditOptions.maxBatchSize } : {}),
    ...(auditOptions.checkpointEvery ? { checkpointEvery: auditOptions.checkpointEvery } : {}),
    ...(auditOptions.checkpointIntervalMs !== undefined
      ? { checkpointIntervalMs: auditOptions.checkpointIntervalMs }
      : {}),
  });
  return {
    db,
    keys,
    fields,
    audit,
    quotas: new QuotaLedger(db),
    withTenant: (tenantId, work) => withTenant(db, tenantId, work),
    collection: (definition) => new ProtectedCollection({ db, cipher: fields, audit }, definition),
    outboxWorker: (consume, workerOptions) => new OutboxWorker(db, consume, workerOptions),
    async close() {
      try {
        await audit.close();
      } finally {
        await db.close();
      }
    },
  };
}
