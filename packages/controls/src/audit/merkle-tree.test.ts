import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyTreeRoot,
  inclusionPath,
  leafHash,
  nodeHash,
  treeRoot,
  verifyInclusion,
} from './merkle-tree.js';

// Reference MTH straight from RFC 6962 section 2.1, to check the incremental implementation.
function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return emptyTreeRoot;
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

describe('RFC 6962 Merkle tree', () => {
  it('matches the known empty-tree hash', () => {
    expect(emptyTreeRoot.toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('computes the same root as the recursive definition and proves every leaf', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), (size) => {
        const leaves = Array.from({ length: size }, (_, i) => leafHash(`entry ${i}`));
        const root = treeRoot(leaves);
        expect(root.equals(referenceRoot(leaves))).toBe(true);
        for (let i = 0; i < size; i++) {
          const path = inclusionPath(leaves, i);
          expect(verifyInclusion(leaves[i]!, i, size, path, root)).toBe(true);
          expect(verifyInclusion(leafHash('forged'), i, size, path, root)).toBe(false);
          if (size > 1) expect(verifyInclusion(leaves[i]!, (i + 1) % size, size, path, root)).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });
});
