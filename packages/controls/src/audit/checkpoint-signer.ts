import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';

/**
 * Signs tree heads (RFC 6962 "signed tree head"). A signature made with a key the database does
 * not hold anchors the log: an administrator who rewrites rows and every hash still cannot forge
 * the checkpoints (164.312(c)(1)). Production may sign with AWS KMS asymmetric keys instead.
 */
export interface CheckpointSigner {
  readonly keyId: string;
  sign(message: Buffer): Buffer | Promise<Buffer>;
}

/** Public keys the verifier trusts, by key id (PEM, SPKI). */
export type TrustedCheckpointKeys = Readonly<Record<string, string>>;

export function ed25519CheckpointSigner(key: { keyId: string; privateKeyPem: string }): CheckpointSigner {
  const privateKey = createPrivateKey(key.privateKeyPem);
  return { keyId: key.keyId, sign: (message) => sign(null, message, privateKey) };
}

export function checkpointMessage(treeSize: number, rootHashHex: string): Buffer {
  return Buffer.from(JSON.stringify(['safeguard-audit-checkpoint/1', treeSize, rootHashHex]));
}

export function verifyCheckpointSignature(
  trustedKeys: TrustedCheckpointKeys,
  keyId: string,
  treeSize: number,
  rootHashHex: string,
  signatureBase64: string,
): boolean {
  const pem = trustedKeys[keyId];
  if (!pem) return false;
  try {
    return verify(
      null,
      checkpointMessage(treeSize, rootHashHex),
      createPublicKey(pem),
      Buffer.from(signatureBase64, 'base64'),
    );
  } catch {
    return false;
  }
}
