import { createHash } from 'node:crypto';

/**
 * RFC 6962 (Certificate Transparency) Merkle tree hashing, the basis of the audit log's
 * tamper evidence (R-APP-2, 164.312(c)(1)): leaves and nodes use distinct prefixes so a leaf can
 * never be passed off as a node.
 */
export function leafHash(entry: Buffer | string): Buffer {
  return createHash('sha256').update(Buffer.of(0)).update(entry).digest();
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(Buffer.of(1)).update(left).update(right).digest();
}

/** Hash of the empty tree (RFC 6962 section 2.1). */
export const emptyTreeRoot = createHash('sha256').digest();

/**
 * Incremental tree: keeps only the roots of its perfect subtrees (a "compact range"), so the
 * verifier can stream millions of leaves and still compute the root at every checkpoint size.
 */
export class MerkleFrontier {
  #size = 0;
  /** Roots of perfect subtrees, largest first, as [height, hash]. */
  readonly #stack: Array<[number, Buffer]> = [];

  get size(): number {
    return this.#size;
  }

  append(leaf: Buffer): void {
    let height = 0;
    let hash = leaf;
    while (this.#stack.length > 0 && this.#stack.at(-1)![0] === height) {
      const [, left] = this.#stack.pop()!;
      hash = nodeHash(left, hash);
      height += 1;
    }
    this.#stack.push([height, hash]);
    this.#size += 1;
  }

  root(): Buffer {
    if (this.#stack.length === 0) return emptyTreeRoot;
    let hash = this.#stack.at(-1)![1];
    for (let i = this.#stack.length - 2; i >= 0; i--) hash = nodeHash(this.#stack[i]![1], hash);
    return hash;
  }
}

export function treeRoot(leaves: readonly Buffer[]): Buffer {
  const frontier = new MerkleFrontier();
  for (const leaf of leaves) frontier.append(leaf);
  return frontier.root();
}

/** RFC 6962 section 2.1.1 PATH(m, D[n]): the audit path proving leaf m is in the tree of `leaves`. */
export function inclusionPath(leaves: readonly Buffer[], index: number): Buffer[] {
  return new InclusionProver(leaves).path(index);
}

/**
 * Builds many audit paths over one tree (an export with a proof per entry), remembering subtree
 * roots so the whole batch costs about as much as hashing the tree once.
 */
export class InclusionProver {
  readonly #leaves: readonly Buffer[];
  readonly #roots = new Map<string, Buffer>();

  constructor(leaves: readonly Buffer[]) {
    this.#leaves = leaves;
  }

  get treeSize(): number {
    return this.#leaves.length;
  }

  root(): Buffer {
    return this.#leaves.length === 0 ? emptyTreeRoot : this.#subtree(0, this.#leaves.length);
  }

  path(index: number): Buffer[] {
    if (!Number.isInteger(index) || index < 0 || index >= this.#leaves.length) {
      throw new RangeError(`leaf ${index} is outside a tree of ${this.#leaves.length}`);
    }
    const siblings: Buffer[] = [];
    let start = 0;
    let end = this.#leaves.length;
    while (end - start > 1) {
      const split = start + largestPowerOfTwoBelow(end - start);
      if (index < split) {
        siblings.push(this.#subtree(split, end));
        end = split;
      } else {
        siblings.push(this.#subtree(start, split));
        start = split;
      }
    }
    return siblings.reverse();
  }

  #subtree(start: number, end: number): Buffer {
    if (end - start === 1) return this.#leaves[start]!;
    const memo = `${start}:${end}`;
    const known = this.#roots.get(memo);
    if (known) return known;
    const split = start + largestPowerOfTwoBelow(end - start);
    const hash = nodeHash(this.#subtree(start, split), this.#subtree(split, end));
    this.#roots.set(memo, hash);
    return hash;
  }
}

/** RFC 9162 section 2.1.3.2: checks an audit path against a signed root. */
export function verifyInclusion(
  leaf: Buffer,
  index: number,
  treeSize: number,
  path: readonly Buffer[],
  root: Buffer,
): boolean {
  if (index >= treeSize || index < 0) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
