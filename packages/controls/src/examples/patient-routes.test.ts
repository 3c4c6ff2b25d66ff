import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/verify-audit-log.js';
import { type Controls, openControls } from '../controls.js';
import { LocalKeyring } from '../crypto/local-keyring.js';
import { createPatientRoutes } from './patient-routes.js';

const clinicianA = { userId: 'dr-a', role: 'clinician' as const, tenantId: 'clinic-a' };
const clinicianB = { userId: 'dr-b', role: 'clinician' as const, tenantId: 'clinic-b' };

describe('integration guide example: patient routes', () => {
  let directory: string;
  let controls: Controls;
  let routes: ReturnType<typeof createPatientRoutes>;
  const summarized: string[] = [];
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'safeguard-example-'));
    // Embedded default: PGlite in a directory, a local keyring outside the repository.
    controls = await openControls({
      dataDir: join(directory, 'data'),
      keyProvider: new LocalKeyring({ path: join(directory, 'keyring.json') }),
    });
    await controls.quotas.setLimit('clinic-a', { unit: 'ai.summaries', period: 'month', includedUnits: 1 });
    routes = createPatientRoutes(controls, {
      summarize: async (note) => {
        summarized.push('called');
        return `summary of ${note.length} characters`;
      },
    });
  });
  afterAll(async () => {
    await controls.close();
    await rm(directory, { recursive: true, force: true });
  });

  const post = (id: string, body: unknown, user = clinicianA) =>
    routes.createPatient({
      request: new Request(`http://local/patients/${id}`, { method: 'POST', body: JSON.stringify(body) }),
      params: { id },
      user,
      clientIp: '192.0.2.10',
    });
  const get = (id: string, user = clinicianA) =>
    routes.getPatient({
      request: new Request(`http://local/patients/${id}`),
      params: { id },
      user,
      clientIp: '192.0.2.10',
    });

  it('creates, reads back decrypted, audits, and emits one event', async () => {
    const created = await post('p-1', {
      name: 'Ada Lovelace',
      ssn: '123-45-6789',
      dob: '1815-12-10',
      note: 'asthma',
    });
    expect(created.status).toBe(201);
    const read = await get('p-1');
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({
      id: 'p-1',
      name: 'Ada Lovelace',
      ssn: '123-45-6789',
      dob: '1815-12-10',
      note: 'asthma',
      summary: 'summary of 6 characters',
    });
    await controls.audit.flush();
    const trail = await controls.audit.search({ resourceId: 'p-1' });
    expect(trail.map((e) => [e.action, e.outcome, e.actorIp])).toEqual([
      ['create', 'success', '192.0.2.10'],
      ['read', 'success', '192.0.2.10'],
    ]);
    const events = await controls.withTenant('clinic-a', (tx) => tx.query('SELECT topic FROM outbox_events'));
    expect(events).toEqual([{ topic: 'patient.created' }]);
    expect((await verifyAuditLog(controls.db)).ok).toBe(true);
  });

  it('degrades past the quota instead of failing', async () => {
    const second = await get('p-1');
    expect(second.status).toBe(200);
    expect(((await second.json()) as { summary: unknown }).summary).toBeNull();
    expect(summarized).toHaveLength(1);
  });

  it('hides another tenant’s patient and refuses bad input without echoing it', async () => {
    expect((await get('p-1', clinicianB)).status).toBe(404);
    const bad = await post('p-2', { name: 'X', ssn: 'not-a-number', dob: '2000-01-01' });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body).toEqual({ error: 'invalid input', fields: ['ssn'] });
    expect((await get('p-1', { ...clinicianA, role: 'auditor' as never })).status).toBe(403);
  });
});
