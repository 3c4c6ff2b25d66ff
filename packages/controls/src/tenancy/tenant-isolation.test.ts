import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enqueueOutboxEvent } from '../outbox/outbox.js';
import { QuotaLedger } from '../quotas/quota-ledger.js';
import { testControls } from '../records/fixtures/test-controls.js';
import { ProtectedCollection } from '../records/protected-collection.js';
import { type TestDatabase, testBackends } from '../storage/fixtures/backends.js';
import { withoutTenant, withTenant } from './tenant-scope.js';

const tenantTables = [
  'protected_records',
  'protected_record_index',
  'protected_record_versions',
  'tenant_keys',
  'quota_limits',
  'quota_usage',
  'outbox_events',
];

const noteSchema = z.object({ text: z.string(), mrn: z.string() }).strict();

describe.each(testBackends())('tenant isolation by row-level security on $name', (backend) => {
  let test: TestDatabase;
  let controls: Awaited<ReturnType<typeof testControls>>;
  let notes: ProtectedCollection<z.infer<typeof noteSchema>>;
  const actorOf = (tenantId: string) => ({ actor: { userId: `u-${tenantId}`, role: 'clinician', tenantId } });

  beforeAll(async () => {
    test = await backend.open();
    controls = await testControls(test.db);
    notes = new ProtectedCollection(
      { db: test.db, cipher: controls.cipher, audit: controls.audit },
      {
        name: 'notes',
        schema: noteSchema,
        sensitiveFields: ['text', 'mrn'],
        searchableFields: { mrn: (v) => v },
      },
    );
    const quotas = new QuotaLedger(test.db);
    for (const tenant of ['tenant-a', 'tenant-b']) {
      await notes.create(actorOf(tenant), `${tenant}-note`, { text: `secret of ${tenant}`, mrn: 'MRN-1' });
      await quotas.setLimit(tenant, { unit: 'ai.calls', period: 'month', includedUnits: 5 });
      await quotas.consume(tenant, 'ai.calls');
      await withTenant(test.db, tenant, (tx) =>
        enqueueOutboxEvent(tx, { topic: 'note.created', payload: {} }),
      );
    }
  });
  afterAll(async () => {
    await controls.dispose();
    await test.dispose();
  });

  it('runs tenant work as a non-owner role without BYPASSRLS, with RLS on every tenant table', async () => {
    const [who] = await withTenant(test.db, 'tenant-a', (tx) =>
      tx.query<{ role: string; superuser: boolean; bypass: boolean }>(
        'SELECT current_user AS role, rolsuper AS superuser, rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user',
      ),
    );
    expect(who).toEqual({ role: test.db.roles.application, superuser: false, bypass: false });
    const tables = await test.db.query<{ relname: string; relrowsecurity: boolean; owner: string }>(
      `SELECT c.relname, c.relrowsecurity, pg_get_userbyid(c.relowner) AS owner FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'`,
    );
    for (const table of tenantTables) {
      const found = tables.find((t) => t.relname === table);
      expect(found?.relrowsecurity, table).toBe(true);
      expect(found?.owner).not.toBe(test.db.roles.application);
    }
  });

  it('shows nothing to a query without a tenant', async () => {
    for (const table of tenantTables) {
      const rows = await withoutTenant(test.db, (tx) => tx.query(`SELECT * FROM ${table}`));
      expect(rows, table).toEqual([]);
    }
    // An empty tenant setting is "no tenant" too, not a wildcard.
    const rows = await test.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL ROLE ${test.db.roles.application}`);
      await tx.query("SELECT set_config('safeguard.tenant_id', '', true)");
      return tx.query('SELECT * FROM protected_records');
    });
    expect(rows).toEqual([]);
  });

  it('keeps tenant A out of tenant B rows even with crafted ids', async () => {
    expect(await notes.read(actorOf('tenant-a'), 'tenant-b-note')).toBeUndefined();
    await expect(notes.update(actorOf('tenant-a'), 'tenant-b-note', { text: 'overwritten' })).rejects.toThrow(
      /not found/,
    );
    await expect(notes.delete(actorOf('tenant-a'), 'tenant-b-note')).rejects.toThrow(/not found/);
    expect((await notes.findBy(actorOf('tenant-a'), 'mrn', 'MRN-1')).map((f) => f.recordId)).toEqual([
      'tenant-a-note',
    ]);

    await withTenant(test.db, 'tenant-a', async (tx) => {
      expect(await tx.query("SELECT * FROM protected_records WHERE tenant_id = 'tenant-b'")).toEqual([]);
      expect(
        await tx.query("SELECT * FROM protected_records WHERE record_id = 'tenant-b-note' OR true"),
      ).toHaveLength(1);
      expect(
        await tx.query("UPDATE protected_records SET version = 99 WHERE tenant_id = 'tenant-b' RETURNING 1"),
      ).toEqual([]);
      expect(await tx.query("SELECT * FROM tenant_keys WHERE tenant_id = 'tenant-b'")).toEqual([]);
    });
    await expect(
      withTenant(test.db, 'tenant-a', (tx) =>
        tx.query("DELETE FROM outbox_events WHERE tenant_id = 'tenant-b'"),
      ),
    ).rejects.toThrow(/permission denied/);
    // Writing a row into another tenant, or moving one there, is refused by WITH CHECK.
    await expect(
      withTenant(test.db, 'tenant-a', (tx) =>
        tx.query(
          "INSERT INTO protected_records (tenant_id, collection, record_id, version, body) VALUES ('tenant-b', 'notes', 'x', 1, '{}')",
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withTenant(test.db, 'tenant-a', (tx) =>
        tx.query("UPDATE protected_records SET tenant_id = 'tenant-b'"),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withTenant(test.db, 'tenant-a', (tx) =>
        tx.query("UPDATE quota_usage SET used_units = 0 WHERE tenant_id = 'tenant-b' RETURNING 1"),
      ),
    ).resolves.toEqual([]);
    // Tenant B's data is intact.
    expect(await notes.read(actorOf('tenant-b'), 'tenant-b-note')).toEqual({
      text: 'secret of tenant-b',
      mrn: 'MRN-1',
    });
  });

  it('forgets the tenant when the transaction ends (SET LOCAL semantics)', async () => {
    await withTenant(test.db, 'tenant-a', async () => undefined);
    const after = await withoutTenant(test.db, (tx) =>
      tx.query<{ tenant: string | null }>('SELECT current_tenant() AS tenant'),
    );
    expect(after).toEqual([{ tenant: null }]);
  });

  it('refuses a malformed or injected tenant id before any SQL runs', async () => {
    await expect(withTenant(test.db, "tenant-a' OR '1'='1", async () => 1)).rejects.toThrow(/tenantId/);
    await expect(withTenant(test.db, '', async () => 1)).rejects.toThrow(/tenantId/);
  });
});
