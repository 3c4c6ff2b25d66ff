import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openControls } from '../controls.js';
import { LocalKeyring } from '../crypto/local-keyring.js';
import { openDatabase } from '../storage/database.js';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/safeguard-audit.mjs', import.meta.url));

async function verifyCli(...args: string[]) {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', bin, 'verify', ...args]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout + failed.stderr };
  }
}

describe('safeguard-audit verify (bin) on a PGlite data directory', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'safeguard-cli-'));
    const controls = await openControls({
      dataDir: join(directory, 'db'),
      keyProvider: new LocalKeyring({ path: join(directory, 'keyring.json') }),
    });
    for (let i = 0; i < 12; i++) {
      await controls.audit.record({
        actor: { userId: 'u-1', role: 'clinician', tenantId: 'clinic-a' },
        action: 'read',
        resource: { type: 'patient', id: `p-${i}` },
        outcome: 'success',
      });
    }
    await controls.audit.checkpoint();
    await controls.close();
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('exits 0 on an intact log and 1 naming the altered entry', async () => {
    const keyring = join(directory, 'keyring.json');
    const intact = await verifyCli('--data-dir', join(directory, 'db'), '--keyring', keyring);
    expect(intact.stdout).toContain('OK: 12 entries');
    expect(intact.code).toBe(0);

    const db = await openDatabase({ dataDir: join(directory, 'db') });
    await db.exec(`ALTER TABLE audit_events DISABLE TRIGGER USER;
      UPDATE audit_events SET resource_id = 'p-99' WHERE leaf_index = 4;
      ALTER TABLE audit_events ENABLE TRIGGER USER;`);
    await db.close();
    const tampered = await verifyCli('--data-dir', join(directory, 'db'), '--keyring', keyring);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('entry 4 was altered');
  });

  it('exits 2 with usage on bad arguments', async () => {
    const bad = await verifyCli('--data-dir', 'x', '--database-url', 'postgres://y');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('not both');
  });
});
