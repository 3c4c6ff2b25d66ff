import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testBackends } from '../storage/fixtures/backends.js';
import { withTenant } from '../tenancy/tenant-scope.js';
import { FieldCipher, FieldDecryptionError, isFieldCiphertext } from './field-cipher.js';
import type { KeyProvider } from './key-provider.js';
import { LocalKeyring } from './local-keyring.js';
import { TenantKeyStore, TenantShreddedError } from './tenant-key-store.js';

const where = { tenantId: 'clinic-a', table: 'patients', recordId: 'p-1' };

describe.each(testBackends())('field encryption on $name', (backend) => {
  let test: TestDatabase;
  let directory: string;
  let keyring: LocalKeyring;
  let keys: TenantKeyStore;
  let cipher: FieldCipher;
  beforeAll(async () => {
    test = await backend.open();
    directory = await mkdtemp(join(tmpdir(), 'safeguard-keys-'));
    keyring = new LocalKeyring({ path: join(directory, 'keyring.json') });
    keys = new TenantKeyStore(test.db, keyring);
    cipher = new FieldCipher(keys);
  });
  afterAll(async () => {
    await test.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  it('round-trips values of every JSON type in a versioned, self-describing format', async () => {
    for (const value of ['123-45-6789', 42, true, null, ['a', 1], { line1: '1 Main St' }]) {
      const ciphertext = await cipher.encrypt({ ...where, column: 'ssn' }, value);
      expect(ciphertext).toMatch(/^sgf1\.1\.[A-Za-z0-9_-]+$/);
      expect(isFieldCiphertext(ciphertext)).toBe(true);
      expect(await cipher.decrypt({ ...where, column: 'ssn' }, ciphertext)).toEqual(value);
    }
  });

  it('refuses a ciphertext moved to another record, column or tenant', async () => {
    const ciphertext = await cipher.encrypt({ ...where, column: 'ssn' }, '123-45-6789');
    await expect(cipher.decrypt({ ...where, recordId: 'p-2', column: 'ssn' }, ciphertext)).rejects.toThrow(
      FieldDecryptionError,
    );
    await expect(cipher.decrypt({ ...where, column: 'name' }, ciphertext)).rejects.toThrow(/another row/);
    await expect(cipher.decrypt({ ...where, table: 'staff', column: 'ssn' }, ciphertext)).rejects.toThrow(
      FieldDecryptionError,
    );
    await cipher.encrypt({ ...where, tenantId: 'clinic-b', column: 'ssn' }, 'x');
    await expect(
      cipher.decrypt({ ...where, tenantId: 'clinic-b', column: 'ssn' }, ciphertext),
    ).rejects.toThrow(FieldDecryptionError);
  });

  it('detects a flipped bit and never echoes clear text in the error', async () => {
    const ciphertext = await cipher.encrypt({ ...where, column: 'note' }, 'secret diagnosis');
    const body = Buffer.from(ciphertext.split('.')[2]!, 'base64url');
    body[14] = body[14]! ^ 1;
    const tampered = `sgf1.1.${body.toString('base64url')}`;
    const error = await cipher.decrypt({ ...where, column: 'note' }, tampered).catch((e: Error) => e);
    expect(error).toBeInstanceOf(FieldDecryptionError);
    expect(String((error as Error).message)).not.toContain('secret');
    await expect(cipher.decrypt({ ...where, column: 'note' }, 'not-a-ciphertext')).rejects.toThrow(
      /not a sgf1/,
    );
  });

  it('names the bad field of a malformed location', async () => {
    await expect(cipher.encrypt({ ...where, tenantId: 'bad tenant!', column: 'ssn' }, 'x')).rejects.toThrow(
      /tenantId/,
    );
    await expect(cipher.encrypt({ ...where, recordId: '', column: 'ssn' }, 'x')).rejects.toThrow(/recordId/);
  });

  it('rotates data keys and wrapping keys without rewriting ciphertexts', async () => {
    const tenant = { ...where, tenantId: 'clinic-rotate', column: 'dob' };
    const before = await cipher.encrypt(tenant, '1970-01-01');
    expect(await keys.rotateDataKey('clinic-rotate')).toBe(2);
    const after = await cipher.encrypt(tenant, '1980-02-02');
    expect(after.startsWith('sgf1.2.')).toBe(true);

    await keyring.rotateWrappingKey('clinic-rotate');
    expect(await keys.rewrapAll({ tenantId: 'clinic-rotate' })).toBe(2);
    const wrapping = await withTenant(test.db, 'clinic-rotate', (tx) =>
      tx.query<{ wrapping_key_id: string }>('SELECT DISTINCT wrapping_key_id FROM tenant_keys'),
    );
    expect(wrapping).toEqual([{ wrapping_key_id: 'local:clinic-rotate:2' }]);

    keys.clearCache();
    expect(await cipher.decrypt(tenant, before)).toBe('1970-01-01');
    expect(await cipher.decrypt(tenant, after)).toBe('1980-02-02');
  });

  it('keeps reading while every wrapped key is re-wrapped (no downtime)', async () => {
    const tenants = Array.from({ length: 6 }, (_, i) => `clinic-live-${i}`);
    const ciphertexts = await Promise.all(
      tenants.map((tenantId) => cipher.encrypt({ ...where, tenantId, column: 'ssn' }, `value-${tenantId}`)),
    );
    for (const tenantId of tenants) await keyring.rotateWrappingKey(tenantId);
    // A cold cache forces every read to unwrap from the table while rows are being re-wrapped.
    const cold = new FieldCipher(new TenantKeyStore(test.db, keyring, { ttlMs: 0 }));
    let reads = 0;
    let rewrapping = true;
    const readers = (async () => {
      while (rewrapping) {
        await Promise.all(
          tenants.map(async (tenantId, i) => {
            expect(await cold.decrypt({ ...where, tenantId, column: 'ssn' }, ciphertexts[i]!)).toBe(
              `value-${tenantId}`,
            );
            reads += 1;
          }),
        );
      }
    })();
    const rewrapped = await keys.rewrapAll();
    rewrapping = false;
    await readers;
    expect(rewrapped).toBeGreaterThanOrEqual(tenants.length);
    expect(reads).toBeGreaterThan(0);
  });

  it('crypto-shreds one tenant: its fields become unreadable, other tenants are untouched', async () => {
    const doomed = { ...where, tenantId: 'clinic-shred', column: 'ssn' };
    const kept = { ...where, tenantId: 'clinic-kept', column: 'ssn' };
    const doomedCiphertext = await cipher.encrypt(doomed, '111-11-1111');
    const keptCiphertext = await cipher.encrypt(kept, '222-22-2222');

    await keys.shredTenant('clinic-shred');
    await expect(cipher.decrypt(doomed, doomedCiphertext)).rejects.toThrow(TenantShreddedError);
    await expect(cipher.encrypt(doomed, 'new')).rejects.toThrow(TenantShreddedError);
    // A fresh process with a cold cache cannot read it either; the keyring entry is gone too.
    const coldCipher = new FieldCipher(new TenantKeyStore(test.db, new LocalKeyring({ path: keyring.path })));
    await expect(coldCipher.decrypt(doomed, doomedCiphertext)).rejects.toThrow(TenantShreddedError);
    const file = JSON.parse(await readFile(keyring.path, 'utf8')) as { tenants: Record<string, unknown> };
    expect(file.tenants['clinic-shred']).toBeUndefined();
    expect(await coldCipher.decrypt(kept, keptCiphertext)).toBe('222-22-2222');
  });

  it('blind-indexes for exact match per tenant, table and column', async () => {
    const token = await cipher.blindIndex(
      { tenantId: 'clinic-a', table: 'patients', column: 'ssn' },
      '123-45-6789',
    );
    expect(
      await cipher.blindIndex({ tenantId: 'clinic-a', table: 'patients', column: 'ssn' }, '123-45-6789'),
    ).toBe(token);
    expect(
      await cipher.blindIndex({ tenantId: 'clinic-a', table: 'patients', column: 'ssn' }, '123-45-6780'),
    ).not.toBe(token);
    expect(
      await cipher.blindIndex({ tenantId: 'clinic-a', table: 'patients', column: 'phone' }, '123-45-6789'),
    ).not.toBe(token);
    expect(
      await cipher.blindIndex({ tenantId: 'clinic-b', table: 'patients', column: 'ssn' }, '123-45-6789'),
    ).not.toBe(token);
    expect(token).not.toContain('6789');
  });

  it('encrypts and decrypts the sensitive fields of a record in one call', async () => {
    const record = { id: 'p-9', ssn: '123-45-6789', name: 'Ada Lovelace', dob: null, visits: 3 };
    const stored = await cipher.encryptFields({ ...where, recordId: 'p-9' }, record, ['ssn', 'name', 'dob']);
    expect(stored.visits).toBe(3);
    expect(stored.dob).toBeNull();
    expect(isFieldCiphertext(stored.ssn)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('Lovelace');
    expect(await cipher.decryptFields({ ...where, recordId: 'p-9' }, stored, ['ssn', 'name', 'dob'])).toEqual(
      record,
    );
  });

  it('caches unwrapped keys with a use limit and a TTL', async () => {
    let unwraps = 0;
    const counting: KeyProvider = {
      name: keyring.name,
      generateDataKey: (c) => keyring.generateDataKey(c),
      unwrapDataKey: (w, c) => {
        unwraps += 1;
        return keyring.unwrapDataKey(w, c);
      },
      rewrapDataKey: (w, c) => keyring.rewrapDataKey(w, c),
      rotateWrappingKey: (t) => keyring.rotateWrappingKey(t),
      destroyTenantKeys: (t) => keyring.destroyTenantKeys(t),
    };
    const limited = new FieldCipher(new TenantKeyStore(test.db, counting, { maxUses: 3, ttlMs: 60_000 }));
    const location = { ...where, tenantId: 'clinic-cache', column: 'ssn' };
    for (let i = 0; i < 7; i++) await limited.encrypt(location, 'v');
    expect(unwraps).toBe(2);
    const expiring = new FieldCipher(new TenantKeyStore(test.db, counting, { ttlMs: 0 }));
    unwraps = 0;
    for (let i = 0; i < 3; i++) await expiring.encrypt(location, 'v');
    expect(unwraps).toBe(3);
  });
});

describe('local keyring file', () => {
  it('is created on first use with mode 0600 and refused when others can read it', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'safeguard-keyring-'));
    try {
      const path = join(directory, 'nested', 'keyring.json');
      const keyring = new LocalKeyring({ path });
      await keyring.generateDataKey({ tenantId: 't', purpose: 'data', version: 1 });
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      await chmod(path, 0o644);
      await expect(
        new LocalKeyring({ path }).generateDataKey({ tenantId: 't', purpose: 'data', version: 1 }),
      ).rejects.toThrow(/chmod 600/);
      await writeFile(join(directory, 'x'), '');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('refuses a key file inside a git work tree', () => {
    expect(() => new LocalKeyring({ path: join(process.cwd(), 'keyring.json') })).toThrow(/git work tree/);
  });

  it('binds a wrapped key to its tenant', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'safeguard-keyring-'));
    try {
      const keyring = new LocalKeyring({ path: join(directory, 'k.json') });
      const { wrapped } = await keyring.generateDataKey({ tenantId: 'a', purpose: 'data', version: 1 });
      await keyring.generateDataKey({ tenantId: 'b', purpose: 'data', version: 1 });
      await expect(
        keyring.unwrapDataKey(wrapped, { tenantId: 'b', purpose: 'data', version: 1 }),
      ).rejects.toThrow(/does not belong/);
      await expect(
        keyring.unwrapDataKey(wrapped, { tenantId: 'a', purpose: 'index', version: 1 }),
      ).rejects.toThrow(/does not unwrap/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
