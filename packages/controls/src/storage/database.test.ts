import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { type TestDatabase, testBackends } from './fixtures/backends.js';
import { applyMigrations } from './migrations.js';

describe.each(testBackends())('storage on $name', (backend) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await backend.open();
  });
  afterAll(() => test.dispose());

  it('applies every migration once, in order', async () => {
    const rows = await test.db.query<{ version: string }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((row) => row.version)).toEqual(['0001', '0002', '0003', '0004', '0005', '0006']);
    expect(await applyMigrations(test.db)).toEqual([]);
  });

  it('rolls a failed transaction back', async () => {
    await expect(
      test.db.transaction(async (tx) => {
        await tx.query("INSERT INTO shredded_tenants (tenant_id) VALUES ('rollback-probe')");
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await test.db.query("SELECT 1 FROM shredded_tenants WHERE tenant_id = 'rollback-probe'")).toEqual(
      [],
    );
  });
});

describe('openDatabase options', () => {
  it('names the bad field', async () => {
    await expect(openDatabase({ schema: 'Bad-Name' })).rejects.toThrow(/schema/);
    await expect(openDatabase({ databaseUrl: 'mysql://x' })).rejects.toThrow(/databaseUrl/);
  });
});
