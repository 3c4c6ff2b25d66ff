import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isFieldCiphertext } from '../crypto/field-cipher.js';
import { type TestDatabase, testBackends } from '../storage/fixtures/backends.js';
import { withTenant } from '../tenancy/tenant-scope.js';
import { testControls } from './fixtures/test-controls.js';
import { ProtectedCollection } from './protected-collection.js';

const patientSchema = z
  .object({
    name: z.string().min(1),
    ssn: z.string().regex(/^\d{3}-\d{2}-\d{4}$/),
    dob: z.string(),
    note: z.string().optional(),
    ward: z.string(),
  })
  .strict();
type Patient = z.infer<typeof patientSchema>;

const nurse = { actor: { userId: 'n-1', role: 'clinician', tenantId: 'clinic-a', ip: '10.1.1.1' } };
const doctor = { actor: { userId: 'd-2', role: 'clinician', tenantId: 'clinic-a' } };

describe.each(testBackends())('protected records and change history on $name', (backend) => {
  let test: TestDatabase;
  let controls: Awaited<ReturnType<typeof testControls>>;
  let patients: ProtectedCollection<Patient>;
  beforeAll(async () => {
    test = await backend.open();
    controls = await testControls(test.db);
    patients = new ProtectedCollection(
      { db: test.db, cipher: controls.cipher, audit: controls.audit },
      {
        name: 'patients',
        schema: patientSchema,
        sensitiveFields: ['name', 'ssn', 'dob', 'note'],
        searchableFields: { ssn: (ssn) => ssn.replaceAll('-', '') },
      },
    );
  });
  afterAll(async () => {
    await controls.dispose();
    await test.dispose();
  });

  it('stores sensitive fields only as ciphertext and reads them back', async () => {
    await patients.create(nurse, 'p-1', {
      name: 'Ada Lovelace',
      ssn: '123-45-6789',
      dob: '1815-12-10',
      ward: 'east',
    });
    const [row] = await withTenant(test.db, 'clinic-a', (tx) =>
      tx.query<{ body: Record<string, unknown> }>(
        "SELECT body FROM protected_records WHERE record_id = 'p-1'",
      ),
    );
    expect(isFieldCiphertext(row!.body.ssn)).toBe(true);
    expect(row!.body.ward).toBe('east');
    expect(JSON.stringify(row)).not.toMatch(/Lovelace|6789|1815/);
    expect(await patients.read(doctor, 'p-1')).toEqual({
      name: 'Ada Lovelace',
      ssn: '123-45-6789',
      dob: '1815-12-10',
      ward: 'east',
    });
  });

  it('keeps a version per change, queryable as a timeline, and audits field names only', async () => {
    await patients.update(doctor, 'p-1', { note: 'allergic to penicillin', ward: 'west' });
    await patients.update(nurse, 'p-1', { ward: 'icu' });
    const timeline = await patients.timeline(doctor, 'p-1');
    expect(timeline.map((v) => [v.version, v.operation, v.changedFields, v.actorUserId])).toEqual([
      [1, 'create', ['dob', 'name', 'ssn', 'ward'], 'n-1'],
      [2, 'update', ['note', 'ward'], 'd-2'],
      [3, 'update', ['ward'], 'n-1'],
    ]);
    expect(timeline[1]!.previous?.note).toBeUndefined();
    expect(timeline[1]!.current?.note).toBe('allergic to penicillin');
    expect(timeline[2]!.previous?.ward).toBe('west');
    expect(timeline[2]!.changedAt).toMatch(/Z$/);

    // History is encrypted as the record is.
    const versions = await withTenant(test.db, 'clinic-a', (tx) =>
      tx.query<{ text: string }>('SELECT new_state::text AS text FROM protected_record_versions'),
    );
    expect(versions.map((v) => v.text).join()).not.toMatch(/penicillin|Lovelace/);

    await controls.audit.flush();
    const updates = await controls.audit.search({ action: 'update', resourceId: 'p-1' });
    expect(updates.map((e) => e.details.changedFields)).toEqual([['note', 'ward'], ['ward']]);
    const everything = await test.db.query<{ text: string }>(
      'SELECT details::text AS text FROM audit_events',
    );
    expect(everything.map((e) => e.text).join()).not.toMatch(/penicillin|Lovelace|icu/);
  });

  it('history rows are append-only', async () => {
    await expect(test.db.query("UPDATE protected_record_versions SET actor_user_id = 'x'")).rejects.toThrow(
      /append-only/,
    );
    await expect(test.db.query('DELETE FROM protected_record_versions')).rejects.toThrow(/append-only/);
  });

  it('finds records by exact match on an encrypted field through the blind index', async () => {
    await patients.create(nurse, 'p-2', {
      name: 'Grace Hopper',
      ssn: '987-65-4321',
      dob: '1906-12-09',
      ward: 'east',
    });
    const found = await patients.findBy(nurse, 'ssn', '987654321');
    expect(found.map((f) => f.recordId)).toEqual(['p-2']);
    expect(await patients.findBy(nurse, 'ssn', '000-00-0000')).toEqual([]);
    await expect(patients.findBy(nurse, 'name', 'Grace Hopper')).rejects.toThrow(/not searchable/);
    await controls.audit.flush();
    const [search] = await controls.audit.search({ action: 'search' });
    expect(search!.sensitive).toBe(true);
    expect(JSON.stringify(search!.details)).not.toMatch(/987654321|987-65-4321/);
  });

  it('refuses a ciphertext swapped between rows', async () => {
    await withTenant(test.db, 'clinic-a', (tx) =>
      tx.query(
        `UPDATE protected_records SET body = jsonb_set(body, '{ssn}', (SELECT body->'ssn' FROM protected_records WHERE record_id = 'p-2'))
          WHERE record_id = 'p-1'`,
      ),
    );
    await expect(patients.read(nurse, 'p-1')).rejects.toThrow(/failed authentication/);
    await controls.audit.flush();
    const [failure] = await controls.audit.search({ action: 'read', outcome: 'failure' });
    expect(failure).toMatchObject({ resourceId: 'p-1', reason: 'FieldDecryptionError' });
  });

  it('validates records and names the bad field; misses are audited as failures', async () => {
    await expect(
      patients.create(nurse, 'p-3', { name: 'X', ssn: 'nope', dob: 'x', ward: 'e' }),
    ).rejects.toThrow(/ssn/);
    await expect(
      patients.create(nurse, 'bad id!', { name: 'X', ssn: '111-11-1111', dob: 'x', ward: 'e' }),
    ).rejects.toThrow(/recordId/);
    expect(await patients.read(nurse, 'p-404')).toBeUndefined();
    await controls.audit.flush();
    const [miss] = await controls.audit.search({ resourceId: 'p-404' });
    expect(miss).toMatchObject({ outcome: 'failure', reason: 'RecordNotFoundError' });
  });

  it('deletes with a final version, and a re-created id continues its history', async () => {
    await patients.delete(nurse, 'p-2');
    expect(await patients.read(nurse, 'p-2')).toBeUndefined();
    await patients.create(nurse, 'p-2', {
      name: 'Grace Hopper',
      ssn: '987-65-4321',
      dob: '1906-12-09',
      ward: 'north',
    });
    const timeline = await patients.timeline(nurse, 'p-2');
    expect(timeline.map((v) => v.operation)).toEqual(['create', 'delete', 'create']);
    expect(timeline[1]!.previous?.name).toBe('Grace Hopper');
  });
});
