import { z } from 'zod';
import type { Database, SqlExecutor } from '../storage/database.js';

/** A tenant id as it comes from authentication (R-APP-7). Never PHI: it appears in audit rows. */
export const tenantIdSchema = z
  .string({ error: 'tenantId must be a string' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'tenantId must be 1-64 letters, digits, ".", "_", ":" or "-"');

/**
 * Runs `work` in one transaction as the non-owner application role with the tenant set
 * transaction-locally (set_config(..., true) = SET LOCAL), so row-level security scopes every
 * statement and the setting cannot leak to the next user of a pooled connection (R-APP-7).
 */
export async function withTenant<T>(
  db: Database,
  tenantId: string,
  work: (tx: SqlExecutor) => Promise<T>,
): Promise<T> {
  const tenant = tenantIdSchema.parse(tenantId);
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL ROLE ${db.roles.application}`);
    await tx.query("SELECT set_config('safeguard.tenant_id', $1, true)", [tenant]);
    return work(tx);
  });
}

/** Runs `work` as the application role with no tenant: tenant tables then show nothing. */
export async function withoutTenant<T>(db: Database, work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL ROLE ${db.roles.application}`);
    return work(tx);
  });
}

/** Runs `work` as the outbox worker role, which may claim events of every tenant (R-APP-9). */
export async function asOutboxWorker<T>(db: Database, work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL ROLE ${db.roles.worker}`);
    return work(tx);
  });
}
