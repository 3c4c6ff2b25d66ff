import { randomBytes } from 'node:crypto';
import { KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log.js';
import { awsKmsCheckpointPublicKey, awsKmsCheckpointSigner } from '../audit/aws-kms-checkpoint-signer.js';
import { verifyCheckpointSignature } from '../audit/checkpoint-signer.js';
import { verifyAuditLog } from '../audit/verify-audit-log.js';
import { type TestDatabase, testBackends } from '../storage/fixtures/backends.js';
import { AwsKmsKeyProvider } from './aws-kms-key-provider.js';
import { FieldCipher } from './field-cipher.js';
import { startLocalKmsEndpoint } from './fixtures/local-kms-endpoint.js';
import { TenantKeyStore, TenantShreddedError } from './tenant-key-store.js';

describe.each(testBackends())(
  'AWS KMS key provider (real SDK client, local KMS endpoint) on $name',
  (backend) => {
    let test: TestDatabase;
    let kms: Awaited<ReturnType<typeof startLocalKmsEndpoint>>;
    let client: KMSClient;
    beforeAll(async () => {
      test = await backend.open();
      kms = await startLocalKmsEndpoint();
      client = new KMSClient({
        endpoint: kms.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-only' },
      });
    });
    afterAll(async () => {
      client.destroy();
      await kms.close();
      await test.dispose();
    });

    it('wraps per-tenant data keys with the tenant in the encryption context', async () => {
      const provider = new AwsKmsKeyProvider({ keyId: 'alias/phi', client });
      const { plaintextKey, wrapped } = await provider.generateDataKey({
        tenantId: 'a',
        purpose: 'data',
        version: 1,
      });
      expect(plaintextKey).toHaveLength(32);
      expect(wrapped.wrappingKeyId).toMatch(/^arn:aws:kms:/);
      expect(await provider.unwrapDataKey(wrapped, { tenantId: 'a', purpose: 'data', version: 1 })).toEqual(
        plaintextKey,
      );
      await expect(
        provider.unwrapDataKey(wrapped, { tenantId: 'b', purpose: 'data', version: 1 }),
      ).rejects.toThrow(/could not unwrap .* tenant b \(InvalidCiphertextException\)/);
    });

    it('encrypts fields, re-wraps onto a new key without touching ciphertexts, and shreds a dedicated tenant key', async () => {
      let current = 'key-one';
      const provider = new AwsKmsKeyProvider({
        keyId: (tenant) => `${current}-${tenant}`,
        dedicatedTenantKeys: true,
        deletionWindowDays: 7,
        client,
      });
      const keys = new TenantKeyStore(test.db, provider);
      const cipher = new FieldCipher(keys);
      const where = { tenantId: 'clinic-kms', table: 'patients', column: 'ssn', recordId: 'p-1' };
      const ciphertext = await cipher.encrypt(where, '123-45-6789');

      current = 'key-two';
      expect(await keys.rewrapAll({ tenantId: 'clinic-kms' })).toBe(1);
      keys.clearCache();
      expect(await cipher.decrypt(where, ciphertext)).toBe('123-45-6789');
      const [row] = await test.db.query<{ wrapping_key_id: string }>(
        "SELECT wrapping_key_id FROM tenant_keys WHERE tenant_id = 'clinic-kms'",
      );
      expect(row!.wrapping_key_id).toContain('key-two-clinic-kms');

      await keys.shredTenant('clinic-kms');
      expect(kms.scheduledForDeletion).toEqual([expect.stringContaining('key-two-clinic-kms')]);
      await expect(cipher.decrypt(where, ciphertext)).rejects.toThrow(TenantShreddedError);
    });

    it('signs audit checkpoints with a KMS key the verifier trusts by its public key', async () => {
      const signer = awsKmsCheckpointSigner({ keyId: 'alias/audit-checkpoints', client });
      const audit = new AuditLog(test.db, { redactionKey: randomBytes(32), signer });
      await audit.record({
        actor: { userId: 'u', role: 'r' },
        action: 'login',
        resource: { type: 'session' },
        outcome: 'success',
      });
      const checkpoint = await audit.checkpoint();
      const publicKeyPem = await awsKmsCheckpointPublicKey({ keyId: 'alias/audit-checkpoints', client });
      const trustedKeys = { 'alias/audit-checkpoints': publicKeyPem };
      expect(
        verifyCheckpointSignature(
          trustedKeys,
          checkpoint.keyId,
          checkpoint.treeSize,
          checkpoint.rootHash,
          checkpoint.signature,
        ),
      ).toBe(true);
      expect(
        verifyCheckpointSignature(
          trustedKeys,
          checkpoint.keyId,
          checkpoint.treeSize + 1,
          checkpoint.rootHash,
          checkpoint.signature,
        ),
      ).toBe(false);
      const result = await verifyAuditLog(test.db, { trustedKeys });
      expect(result).toMatchObject({ ok: true, checkpointsVerified: 1 });
    });

    it('refuses bad options with a clear message', () => {
      expect(() => new AwsKmsKeyProvider({ keyId: '' })).toThrow(/keyId/);
      expect(() => new AwsKmsKeyProvider({ keyId: 'k', deletionWindowDays: 3, client })).toThrow(
        /deletionWindowDays/,
      );
    });
  },
);
