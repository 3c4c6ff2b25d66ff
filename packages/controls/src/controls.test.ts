import { KMSClient } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { openControls } from './controls.js';
import { AwsKmsKeyProvider } from './crypto/aws-kms-key-provider.js';

describe('openControls', () => {
  it('requires explicit audit keys with a production key provider', async () => {
    const client = new KMSClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    await expect(
      openControls({ keyProvider: new AwsKmsKeyProvider({ keyId: 'alias/phi', client }) }),
    ).rejects.toThrow(/audit\.redactionKey and audit\.signer are required/);
    client.destroy();
  });

  it('names a bad database option', async () => {
    await expect(
      openControls({
        schema: 'Not Valid',
        keyProvider: undefined,
        audit: { redactionKey: Buffer.alloc(32), signer: { keyId: 'k', sign: () => Buffer.alloc(0) } },
      }),
    ).rejects.toThrow(/schema/);
  });
});
