import type { AuditEntry } from './audit-entry.js';
import { entryLeafHash } from './audit-entry.js';
import type { InclusionProof } from './audit-log.js';
import { type TrustedCheckpointKeys, verifyCheckpointSignature } from './checkpoint-signer.js';
import { verifyInclusion } from './merkle-tree.js';

/**
 * Offline check of one exported or archived line (JSON Lines): the entry's contents hash to its
 * leaf, the audit path leads to the root, and the root carries a trusted signature. An auditor
 * can run this without database access (R-APP-2: exportable with proof).
 */
export function verifyExportedEntry(
  line: string | (AuditEntry & { proof: InclusionProof }),
  trustedKeys: TrustedCheckpointKeys,
): { ok: true } | { ok: false; reason: string } {
  let exported: AuditEntry & { proof: InclusionProof };
  try {
    exported = typeof line === 'string' ? (JSON.parse(line) as AuditEntry & { proof: InclusionProof }) : line;
  } catch {
    return { ok: false, reason: 'not a JSON line' };
  }
  const { proof } = exported;
  if (!proof || !Array.isArray(proof.auditPath)) return { ok: false, reason: 'no inclusion proof' };
  const leaf = entryLeafHash(exported);
  if (leaf.toString('hex') !== exported.leafHash || proof.leafHash !== exported.leafHash) {
    return { ok: false, reason: `entry ${exported.leafIndex}: contents do not match the leaf hash` };
  }
  const included = verifyInclusion(
    leaf,
    exported.leafIndex,
    proof.treeSize,
    proof.auditPath.map((hash) => Buffer.from(hash, 'hex')),
    Buffer.from(proof.rootHash, 'hex'),
  );
  if (!included)
    return { ok: false, reason: `entry ${exported.leafIndex}: audit path does not lead to the root` };
  const signed = verifyCheckpointSignature(
    trustedKeys,
    proof.checkpoint.keyId,
    proof.treeSize,
    proof.rootHash,
    proof.checkpoint.signature,
  );
  if (
    !signed ||
    proof.checkpoint.rootHash !== proof.rootHash ||
    proof.checkpoint.treeSize !== proof.treeSize
  ) {
    return { ok: false, reason: `entry ${exported.leafIndex}: checkpoint signature is not trusted` };
  }
  return { ok: true };
}
