import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testBackends } from '../storage/fixtures/backends.js';
import { withoutTenant } from '../tenancy/tenant-scope.js';
import { entryLeafHash } from './audit-entry.js';
import { AuditLog } from './audit-log.js';
import { verifyCheckpointSignature } from './checkpoint-signer.js';
import { verifyExportedEntry } from './exported-entry.js';
import { testAuditKeys } from './fixtures/audit-keys.js';
import { verifyInclusion } from './merkle-tree.js';
import { verifyAuditLog } from './verify-audit-log.js';

const clinician = { userId: 'u-17', role: 'clinician', ip: '10.0.0.7', tenantId: 'clinic-a' };

describe.each(testBackends())('audit log on $name', (backend) => {
  let test: TestDatabase;
  let audit: AuditLog;
  const keys = testAuditKeys();
  beforeAll(async () => {
    test = await backend.open();
    audit = new AuditLog(test.db, {
      redactionKey: keys.redactionKey,
      signer: keys.signer,
      checkpointEvery: 50,
    });
  });
  afterAll(() => test.dispose());

  it('records who, what, when (database UTC), action and outcome', async () => {
    const receipt = await audit.record({
      actor: clinician,
      action: 'read',
      resource: { type: 'patient', id: 'p-1' },
      outcome: 'success',
    });
    const [entry] = await audit.search({ resourceId: 'p-1' });
    expect(entry).toMatchObject({
      leafIndex: receipt.leafIndex,
      tenantId: 'clinic-a',
      actorUserId: 'u-17',
      actorRole: 'clinician',
      actorIp: '10.0.0.7',
      action: 'read',
      resourceType: 'patient',
      outcome: 'success',
      sensitive: false,
    });
    expect(entry!.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(Math.abs(Date.parse(entry!.occurredAt) - Date.now())).toBeLessThan(60_000);
  });

  it('hashes values under sensitive keys, keeps their length and labels the row', async () => {
    await audit.record({
      actor: clinician,
      action: 'search',
      resource: { type: 'patient' },
      outcome: 'success',
      details: {
        query: 'diabetes type 2',
        filters: { patientName: 'Ada Lovelace', page: 2 },
        resultCount: 3,
      },
    });
    const [entry] = await audit.search({ action: 'search' });
    expect(entry!.sensitive).toBe(true);
    expect(entry!.details.resultCount).toBe(3);
    expect(entry!.details.query).toMatchObject({ redacted: 'hmac-sha256', length: 15 });
    expect((entry!.details.filters as Record<string, unknown>).page).toBe(2);
    const raw = await test.db.query<{ text: string }>('SELECT details::text AS text FROM audit_events');
    expect(raw.map((r) => r.text).join()).not.toMatch(/diabetes|Lovelace/);
  });

  it('refuses bad input naming the field', async () => {
    await expect(
      audit.record({
        actor: { ...clinician, userId: '' },
        action: 'read',
        resource: { type: 'patient' },
        outcome: 'success',
      }),
    ).rejects.toThrow(/actor\.userId/);
    await expect(
      audit.record({ actor: clinician, action: 'read', resource: { type: 'patient' }, outcome: 'failure' }),
    ).rejects.toThrow(/reason: reason is required/);
    await expect(
      audit.record({
        actor: { ...clinician, ip: 'not-an-ip' },
        action: 'read',
        resource: { type: 'patient' },
        outcome: 'success',
      }),
    ).rejects.toThrow(/actor\.ip/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE as the application role', async () => {
    for (const statement of [
      "UPDATE audit_events SET action = 'x'",
      'DELETE FROM audit_events',
      'TRUNCATE audit_events',
      'DELETE FROM audit_checkpoints',
    ]) {
      await expect(withoutTenant(test.db, (tx) => tx.query(statement))).rejects.toThrow(
        /permission denied|append-only/,
      );
    }
  });

  it('refuses an inserted row that leaves a gap or breaks the chain, whoever inserts it', async () => {
    const [last] = await test.db.query<{ leaf_index: string; chain_hash: string }>(
      'SELECT leaf_index::text AS leaf_index, chain_hash FROM audit_events ORDER BY audit_events.leaf_index DESC LIMIT 1',
    );
    const insert = (index: number, chain: string) =>
      withoutTenant(test.db, (tx) =>
        tx.query(
          `INSERT INTO audit_events (leaf_index, occurred_at, actor_user_id, actor_role, action, resource_type, outcome,
             details, sensitive, leaf_hash, chain_hash)
           VALUES ($1, now(), 'forger', 'admin', 'read', 'patient', 'success', '{}', false, $2, $3)`,
          [index, 'ab'.repeat(32), chain],
        ),
      );
    const next = Number(last!.leaf_index) + 1;
    await expect(insert(next + 5, 'cd'.repeat(32))).rejects.toThrow(/does not follow/);
    await expect(insert(next, 'cd'.repeat(32))).rejects.toThrow(/does not link/);
    await expect(
      test.db.query('INSERT INTO audit_events SELECT * FROM audit_events LIMIT 1'),
    ).rejects.toThrow(/does not follow|duplicate/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE as the table owner too', async () => {
    const [owner] = await test.db.query<{ owner: string; me: string }>(
      "SELECT tableowner AS owner, current_user AS me FROM pg_tables WHERE tablename = 'audit_events' AND schemaname = current_schema()",
    );
    expect(owner!.owner).toBe(owner!.me);
    for (const statement of [
      "UPDATE audit_events SET action = 'x'",
      'DELETE FROM audit_events',
      'TRUNCATE audit_events',
      "UPDATE audit_checkpoints SET root_hash = 'x'",
      'TRUNCATE audit_checkpoints',
    ]) {
      await expect(test.db.query(statement)).rejects.toThrow(/append-only/);
    }
    // Even with the archive switch set, a row younger than the retention minimum stays.
    await expect(
      test.db.transaction(async (tx) => {
        await tx.query("SELECT set_config('safeguard.audit_archive_id', '1', true)");
        await tx.query('DELETE FROM audit_events');
      }),
    ).rejects.toThrow(/append-only/);
  });

  it('group-commits concurrent appends into a gap-free log that verifies', async () => {
    const receipts = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        audit.record({
          actor: clinician,
          action: 'read',
          resource: { type: 'patient', id: `p-${i}` },
          outcome: 'success',
        }),
      ),
    );
    const indexes = receipts.map((r) => r.leafIndex).sort((a, b) => a - b);
    expect(indexes.at(-1)! - indexes[0]! + 1).toBe(300);
    await audit.flush();
    const result = await verifyAuditLog(test.db, { trustedKeys: keys.trustedKeys });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checkpointsVerified).toBeGreaterThan(0);
  });

  it('proves inclusion of one entry against a signed checkpoint', async () => {
    const proof = await audit.inclusionProof(3);
    expect(
      verifyInclusion(
        Buffer.from(proof.leafHash, 'hex'),
        proof.leafIndex,
        proof.treeSize,
        proof.auditPath.map((h) => Buffer.from(h, 'hex')),
        Buffer.from(proof.rootHash, 'hex'),
      ),
    ).toBe(true);
    expect(
      verifyCheckpointSignature(
        keys.trustedKeys,
        proof.checkpoint.keyId,
        proof.treeSize,
        proof.rootHash,
        proof.checkpoint.signature,
      ),
    ).toBe(true);
    expect(
      verifyCheckpointSignature(
        keys.trustedKeys,
        proof.checkpoint.keyId,
        proof.treeSize + 1,
        proof.rootHash,
        proof.checkpoint.signature,
      ),
    ).toBe(false);
  });

  it('exports JSON Lines and CSV with proofs', async () => {
    let jsonl = '';
    for await (const chunk of audit.export('jsonl', { resourceType: 'patient', actorUserId: 'u-17' }))
      jsonl += chunk;
    const lines = jsonl
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.length).toBeGreaterThan(300);
    expect(lines[0].proof.auditPath.length).toBeGreaterThan(0);
    for (const line of jsonl.trim().split('\n').slice(0, 50)) {
      expect(verifyExportedEntry(line, keys.trustedKeys)).toEqual({ ok: true });
    }
    const forged = { ...lines[1], actorUserId: 'someone-else' };
    expect(verifyExportedEntry(forged, keys.trustedKeys)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('leaf hash'),
    });
    expect(verifyExportedEntry(lines[1], {})).toMatchObject({
      ok: false,
      reason: expect.stringContaining('signature'),
    });
    let csv = '';
    for await (const chunk of audit.export('csv', { action: 'search' })) csv += chunk;
    const [header, row] = csv.trim().split('\n');
    expect(header).toContain('leaf_index,occurred_at');
    expect(header).toContain('audit_path');
    expect(row).toContain('hmac-sha256');
    expect(csv).not.toContain('diabetes');
  });

  it('searches by time range', async () => {
    const all = await audit.search({ limit: 10_000 });
    const middle = all[Math.floor(all.length / 2)]!;
    const after = await audit.search({ from: new Date(Date.now() + 60_000) });
    expect(after).toEqual([]);
    const upTo = await audit.search({ to: new Date(Date.now() + 60_000), limit: 10_000 });
    expect(upTo.length).toBe(all.length);
    expect((await audit.search({ afterLeafIndex: middle.leafIndex, limit: 10_000 })).length).toBe(
      all.length - all.indexOf(middle) - 1,
    );
    await expect(audit.search({ outcome: 'maybe' as 'success' })).rejects.toThrow(/outcome/);
  });

  it('names each altered, deleted, re-ordered or forged entry changed behind its back', async () => {
    await audit.flush();
    const asAttacker = (...statements: string[]) =>
      test.db.transaction(async (tx) => {
        await tx.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
        for (const statement of statements) await tx.query(statement);
        await tx.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
      });
    const verify = () => verifyAuditLog(test.db, { trustedKeys: keys.trustedKeys });
    expect((await verify()).ok).toBe(true);

    await asAttacker("UPDATE audit_events SET actor_user_id = 'someone-else' WHERE leaf_index = 5");
    let result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: 'altered', leafIndex: 5 });
    expect(result.problems.some((p) => p.kind === 'checkpoint-mismatch')).toBe(true);
    await asAttacker("UPDATE audit_events SET actor_user_id = 'u-17' WHERE leaf_index = 5");
    expect((await verify()).problems).toEqual([]);

    await asAttacker(
      'CREATE TEMP TABLE saved_entry AS SELECT * FROM audit_events WHERE leaf_index = 7',
      'DELETE FROM audit_events WHERE leaf_index = 7',
    );
    result = await verify();
    expect(result.problems[0]).toMatchObject({ kind: 'missing', leafIndex: 7 });
    await asAttacker('INSERT INTO audit_events SELECT * FROM saved_entry', 'DROP TABLE saved_entry');
    expect((await verify()).ok).toBe(true);

    const swap = (a: number, b: number) =>
      asAttacker(
        `UPDATE audit_events SET leaf_index = 999999 WHERE leaf_index = ${a}`,
        `UPDATE audit_events SET leaf_index = ${a} WHERE leaf_index = ${b}`,
        `UPDATE audit_events SET leaf_index = ${b} WHERE leaf_index = 999999`,
      );
    await swap(9, 10);
    result = await verify();
    expect(result.problems.map((p) => [p.kind, p.leafIndex, p.message])).toEqual([
      ['reordered', 9, 'entry at position 9 is out of order: it was written as entry 10'],
      ['reordered', 10, 'entry at position 10 is out of order: it was written as entry 9'],
      ['checkpoint-mismatch', expect.any(Number), expect.any(String)],
    ]);
    await swap(9, 10);
    expect((await verify()).ok).toBe(true);

    // An entry moved to the end of the log.
    const [end] = await test.db.query<{ n: string }>(
      'SELECT (max(leaf_index) + 1)::text AS n FROM audit_events',
    );
    await asAttacker(`UPDATE audit_events SET leaf_index = ${end!.n} WHERE leaf_index = 6`);
    result = await verify();
    expect(result.problems[0]).toMatchObject({
      kind: 'reordered',
      leafIndex: 6,
      message: `entry 6 is not in its place: it was moved to position ${end!.n}`,
    });
    await asAttacker(`UPDATE audit_events SET leaf_index = 6 WHERE leaf_index = ${end!.n}`);
    expect((await verify()).ok).toBe(true);

    // A forger who also rewrites the leaf hash is still caught by the chain and the signed root.
    const [entry] = await audit.search({ afterLeafIndex: 11, limit: 1 });
    const forgedHash = entryLeafHash({ ...entry!, action: 'delete' }).toString('hex');
    await asAttacker(
      `UPDATE audit_events SET action = 'delete', leaf_hash = '${forgedHash}' WHERE leaf_index = 12`,
    );
    result = await verify();
    expect(result.problems[0]).toMatchObject({ kind: 'altered', leafIndex: 12 });
    await asAttacker(
      `UPDATE audit_events SET action = 'read', leaf_hash = '${entry!.leafHash}' WHERE leaf_index = 12`,
    );
    expect((await verify()).ok).toBe(true);

    // A deleted entry with the rest renumbered to close the gap.
    await audit.checkpoint();
    await asAttacker(
      'CREATE TEMP TABLE saved_log AS SELECT * FROM audit_events',
      'DELETE FROM audit_events WHERE leaf_index = 8',
      'UPDATE audit_events SET leaf_index = leaf_index + 1000000 WHERE leaf_index > 8',
      'UPDATE audit_events SET leaf_index = leaf_index - 1000001 WHERE leaf_index > 1000000',
    );
    result = await verify();
    expect(result.problems[0]).toMatchObject({ kind: 'missing', leafIndex: 8 });
    expect(result.problems[0]!.message).toContain('removed');
    await asAttacker(
      'DELETE FROM audit_events',
      'INSERT INTO audit_events SELECT * FROM saved_log',
      'DROP TABLE saved_log',
    );
    expect((await verify()).ok).toBe(true);

    // Only a range is recomputed when asked.
    await asAttacker("UPDATE audit_events SET outcome = 'failure' WHERE leaf_index = 20");
    const ranged = await verifyAuditLog(test.db, { fromLeafIndex: 0, toLeafIndex: 15 });
    expect(ranged.problems.filter((p) => p.kind !== 'checkpoint-mismatch')).toEqual([]);
    expect(ranged.checkedEntries).toBe(16);
    expect((await verifyAuditLog(test.db, { fromLeafIndex: 16, toLeafIndex: 30 })).problems[0]).toMatchObject(
      {
        kind: 'altered',
        leafIndex: 20,
      },
    );
    await asAttacker("UPDATE audit_events SET outcome = 'success' WHERE leaf_index = 20");
    expect((await verify()).ok).toBe(true);

    // A deleted tail shows against the newest signed checkpoint.
    await audit.checkpoint();
    const [last] = await test.db.query<{ n: string }>('SELECT max(leaf_index)::text AS n FROM audit_events');
    await asAttacker(
      `CREATE TEMP TABLE saved_tail AS SELECT * FROM audit_events WHERE leaf_index = ${last!.n}`,
      `DELETE FROM audit_events WHERE leaf_index = ${last!.n}`,
    );
    result = await verify();
    expect(result.problems[0]).toMatchObject({ kind: 'missing', leafIndex: Number(last!.n) });
    await asAttacker('INSERT INTO audit_events SELECT * FROM saved_tail', 'DROP TABLE saved_tail');
    expect((await verify()).ok).toBe(true);
  });

  it('archives only rows past the retention minimum, with proofs, and still verifies', async () => {
    const stored: string[] = [];
    expect(await audit.archiveExpired(async (archive) => void stored.push(archive.content))).toEqual({
      archived: 0,
    });
    // The owner lowers the minimum (a deliberate, owner-only act) so this test has expired rows.
    await test.db.query("UPDATE audit_settings SET min_retention = interval '0 seconds'");
    const before = (await audit.search({ limit: 10_000 })).length;
    const { archived } = await audit.archiveExpired(async (archive) => void stored.push(archive.content));
    expect(archived).toBe(before);
    const archivedLines = stored[0]!.trim().split('\n');
    expect(archivedLines).toHaveLength(before);
    for (const line of archivedLines)
      expect(verifyExportedEntry(line, keys.trustedKeys)).toEqual({ ok: true });
    await audit.record({
      actor: clinician,
      action: 'read',
      resource: { type: 'patient', id: 'p-after' },
      outcome: 'success',
    });
    await audit.checkpoint();
    const result = await verifyAuditLog(test.db, { trustedKeys: keys.trustedKeys });
    expect(result.problems).toEqual([]);
    expect(result.archivedEntries).toBe(before);
    expect(result.treeSize).toBe(before + 1);
    expect((await audit.inclusionProof(before)).treeSize).toBe(before + 1);
    await test.db.query("UPDATE audit_settings SET min_retention = interval '6 years'");
  });
});
