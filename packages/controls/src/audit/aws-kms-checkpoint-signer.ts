import { createPublicKey } from 'node:crypto';
import { GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type { CheckpointSigner } from './checkpoint-signer.js';

/**
 * Signs audit checkpoints with an AWS KMS asymmetric key (key spec ECC_NIST_P256, usage
 * SIGN_VERIFY): the private key never leaves KMS, so whoever controls the database cannot forge a
 * checkpoint, and every signature is logged by CloudTrail (164.312(b), 164.312(c)(1)).
 */
export function awsKmsCheckpointSigner(options: { keyId: string; client: KMSClient }): CheckpointSigner {
  if (!options.keyId) throw new TypeError('awsKmsCheckpointSigner: keyId must name a KMS signing key');
  return {
    keyId: options.keyId,
    async sign(message) {
      const result = await options.client.send(
        new SignCommand({
          KeyId: options.keyId,
          Message: message,
          MessageType: 'RAW',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      );
      if (!result.Signature) throw new Error(`KMS returned no signature for key ${options.keyId}`);
      return Buffer.from(result.Signature);
    },
  };
}

/** The PEM public key to give the verifier (`trustedKeys[keyId]`, or `--public-key`). */
export async function awsKmsCheckpointPublicKey(options: {
  keyId: string;
  client: KMSClient;
}): Promise<string> {
  const result = await options.client.send(new GetPublicKeyCommand({ KeyId: options.keyId }));
  if (!result.PublicKey) throw new Error(`KMS returned no public key for ${options.keyId}`);
  return createPublicKey({ key: Buffer.from(result.PublicKey), format: 'der', type: 'spki' })
    .export({ format: 'pem', type: 'spki' })
    .toString();
}
