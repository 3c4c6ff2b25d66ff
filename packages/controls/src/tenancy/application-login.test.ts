import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log.js';
import { testAuditKeys } from '../audit/fixtures/audit-keys.js';
import { type Database, openDatabase } from '../storage/database.js';
import { openPostgresTestDatabase, type TestDatabase } from '../storage/fixtures/backends.js';
import { withoutTenant, withTenant } from './tenant-scope.js';

const databaseUrl = process.env.DATABASE_URL;

// A production deployment connects at run time with a login that owns nothing and is only a
// member of the application role; migrations run separately with the owner's URL.
describe.skipIf(!databaseUrl)('application connecting as a non-owner login (real PostgreSQL)', () => {
  let owner: TestDatabase;
  let app: Database;
  let login: string;
  beforeAll(async () => {
    owner = await openPostgresTestDatabase(databaseUrl!);
    login = `${owner.connection.schema}_login`;
    await owner.db.exec(`CREATE ROLE ${login} LOGIN PASSWORD '${randomBytes(12).toString('hex')}';
      GRANT ${owner.connection.roles.application} TO ${login};`);
    const url = new URL(databaseUrl!);
    url.username = login;
    url.password = '';
    // The test cluster trusts loopback connections; production would use a password or IAM auth.
    app = await openDatabase({
      databaseUrl: url.toString(),
      schema: owner.connection.schema,
      roles: owner.connection.roles,
    });
  });
  afterAll(async () => {
    await app?.close();
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP OWNED BY ${login}`).catch(() => {});
    await owner.dispose();
    await admin.query(`DROP ROLE IF EXISTS ${login}`);
    await admin.end();
  });

  it('works through the library and is still bound by RLS and append-only rules on raw SQL', async () => {
    await withTenant(app, 'tenant-a', (tx) =>
      tx.query("INSERT INTO quota_limits (unit, period, included_units) VALUES ('calls', 'day', 1)"),
    );
    const keys = testAuditKeys();
    const audit = new AuditLog(app, { redactionKey: keys.redactionKey, signer: keys.signer });
    await audit.record({
      actor: { userId: 'u', role: 'r', tenantId: 'tenant-a' },
      action: 'read',
      resource: { type: 'x' },
      outcome: 'success',
    });
    await audit.close();

    // Without SET ROLE and without a tenant, the login still sees no tenant rows...
    expect(await app.query('SELECT * FROM quota_limits')).toEqual([]);
    expect(await withoutTenant(app, (tx) => tx.query('SELECT * FROM quota_limits'))).toEqual([]);
    // ...cannot change the audit log or the schema...
    await expect(app.query("UPDATE audit_events SET action = 'x'")).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(app.query('ALTER TABLE audit_events DISABLE TRIGGER USER')).rejects.toThrow(/must be owner/);
    await expect(app.query('DROP TABLE quota_limits')).rejects.toThrow(/must be owner/);
    // ...and RESET ROLE gains it nothing.
    const escaped = await app.transaction(async (tx) => {
      await tx.query('RESET ROLE');
      await tx.query("SELECT set_config('safeguard.tenant_id', 'tenant-b', true)");
      return tx.query('SELECT * FROM quota_limits');
    });
    expect(escaped).toEqual([]);
  });
});
