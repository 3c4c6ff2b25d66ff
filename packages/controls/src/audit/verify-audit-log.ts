import { z } from 'zod';
import { type Database, openDatabase, type SqlExecutor } from '../storage/database.js';
import { chainHash, entryLeafHash, genesisChainHash } from './audit-entry.js';
import { type AuditEntryRow, auditEntryColumns, entryFromRow } from './audit-log.js';
import { type TrustedCheckpointKeys, verifyCheckpointSignature } from './checkpoint-signer.js';
import { MerkleFrontier } from './merkle-tree.js';

export type AuditProblemKind =
  | 'altered'
  | 'missing'
  | 'reordered'
  | 'checkpoint-mismatch'
  | 'checkpoint-signature'
  | 'archive-mismatch';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The entry (leaf index) or, for checkpoint problems, the checkpoint's tree size. */
  leafIndex: number;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries whose contents were recomputed. */
  checkedEntries: number;
  /** Entries present in the table plus archived ones. */
  treeSize: number;
  archivedEntries: number;
  checkpointsVerified: number;
  /** Problems in log order; the first one is the first altered, missing or re-ordered entry. */
  problems: AuditProblem[];
}

export const verifyOptionsSchema = z
  .object({
    /** First leaf index whose content is recomputed. @default 0 */
    fromLeafIndex: z.number().int().min(0).optional(),
    /** Last leaf index (inclusive) whose content is recomputed. @default the newest */
    toLeafIndex: z.number().int().min(0).optional(),
    /** Public keys (PEM) of checkpoint signers, by key id. Without them signatures are reported unchecked. */
    trustedKeys: z.record(z.string(), z.string()).optional(),
    /** Stop collecting after this many problems. @default 100 */
    maxProblems: z.number().int().min(1).default(100),
  })
  .strict();
export type VerifyOptions = z.input<typeof verifyOptionsSchema>;

interface StoredLink {
  leafIndex: number;
  leaf: Buffer;
  chain: Buffer;
}

/**
 * Recomputes every leaf hash and chain link and the Merkle root at every signed checkpoint, and
 * names the first altered, missing or re-ordered entry (R-APP-2, 164.312(b), 164.312(c)(2)).
 * Reads only: it needs SELECT on the audit tables and nothing else.
 */
export async function verifyAuditLog(
  db: SqlExecutor,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const opts = verifyOptionsSchema.parse(options);
  const from = opts.fromLeafIndex ?? 0;
  const to = opts.toLeafIndex ?? Number.MAX_SAFE_INTEGER;
  const problems: AuditProblem[] = [];
  const report = (problem: AuditProblem) => {
    if (problems.length < opts.maxProblems) problems.push(problem);
  };

  const checkpoints = (
    await db.query<{ tree_size: string; root_hash: string; key_id: string; signature: string }>(
      'SELECT tree_size::text AS tree_size, root_hash, key_id, signature FROM audit_checkpoints ORDER BY tree_size',
    )
  ).map((row) => ({ ...row, treeSize: Number(row.tree_size) }));
  let nextCheckpoint = 0;
  let checkpointsVerified = 0;
  const frontier = new MerkleFrontier();
  const checkCheckpoints = () => {
    while (nextCheckpoint < checkpoints.length && checkpoints[nextCheckpoint]!.treeSize === frontier.size) {
      const checkpoint = checkpoints[nextCheckpoint++]!;
      const root = frontier.root().toString('hex');
      if (root !== checkpoint.root_hash) {
        report({
          kind: 'checkpoint-mismatch',
          leafIndex: checkpoint.treeSize,
          message: `checkpoint at tree size ${checkpoint.treeSize}: recomputed root ${root.slice(0, 16)}… differs from the signed root ${checkpoint.root_hash.slice(0, 16)}…`,
        });
      } else if (opts.trustedKeys) {
        if (
          verifyCheckpointSignature(
            opts.trustedKeys as TrustedCheckpointKeys,
            checkpoint.key_id,
            checkpoint.treeSize,
            checkpoint.root_hash,
            checkpoint.signature,
          )
        ) {
          checkpointsVerified += 1;
        } else {
          report({
            kind: 'checkpoint-signature',
            leafIndex: checkpoint.treeSize,
            message: `checkpoint at tree size ${checkpoint.treeSize}: signature by "${checkpoint.key_id}" does not verify with the trusted keys`,
          });
        }
      } else {
        checkpointsVerified += 1;
      }
    }
  };

  // Archived prefix: contents live in the archive files; the leaf hashes and boundary stay here.
  const archived = await db.query<{ leaf_index: string; leaf_hash: string }>(
    'SELECT leaf_index::text AS leaf_index, leaf_hash FROM audit_archived_leaves ORDER BY audit_archived_leaves.leaf_index',
  );
  for (const leaf of archived) {
    if (Number(leaf.leaf_index) !== frontier.size) {
      report({
        kind: 'archive-mismatch',
        leafIndex: frontier.size,
        message: `archived leaf ${frontier.size} is missing`,
      });
      break;
    }
    frontier.append(Buffer.from(leaf.leaf_hash, 'hex'));
    checkCheckpoints();
  }
  const [boundary] = await db.query<{ last_leaf_index: string; last_chain_hash: string }>(
    'SELECT last_leaf_index::text AS last_leaf_index, last_chain_hash FROM audit_archives ORDER BY last_leaf_index DESC LIMIT 1',
  );
  let expected = boundary ? Number(boundary.last_leaf_index) + 1 : 0;
  let previousChain: Buffer = boundary ? Buffer.from(boundary.last_chain_hash, 'hex') : genesisChainHash;

  let checkedEntries = 0;
  let previous: StoredLink | undefined;
  const suspects: Array<{ position: number; row: StoredLink; previousChain: Buffer }> = [];
  let after = expected - 1;
  for (;;) {
    const rows = await db.query<AuditEntryRow>(
      `SELECT ${auditEntryColumns} FROM audit_events WHERE leaf_index > $1 ORDER BY audit_events.leaf_index LIMIT 5000`,
      [after],
    );
    for (const row of rows) {
      const entry = entryFromRow(row);
      const stored: StoredLink = {
        leafIndex: entry.leafIndex,
        leaf: Buffer.from(entry.leafHash, 'hex'),
        chain: Buffer.from(entry.chainHash, 'hex'),
      };
      const inRange = entry.leafIndex >= from && entry.leafIndex <= to;
      if (entry.leafIndex > expected) {
        const gap = entry.leafIndex - expected;
        report({
          kind: 'missing',
          leafIndex: expected,
          message:
            gap === 1
              ? `entry ${expected} is missing (deleted)`
              : `entries ${expected}–${entry.leafIndex - 1} are missing (${gap} deleted)`,
        });
        // Keep the tree's shape so later checkpoints are judged on the remaining rows.
        for (let i = 0; i < gap; i++) {
          frontier.append(Buffer.alloc(32));
          checkCheckpoints();
        }
        previousChain = Buffer.alloc(0);
      }
      const recomputed = inRange ? entryLeafHash(entry) : stored.leaf;
      if (inRange) checkedEntries += 1;
      if (!recomputed.equals(stored.leaf)) {
        report({
          kind: 'altered',
          leafIndex: entry.leafIndex,
          message: `entry ${entry.leafIndex} was altered: its contents no longer match its leaf hash`,
        });
      } else if (
        previousChain.length > 0 &&
        !chainHash(previousChain, stored.leaf).equals(stored.chain) &&
        inRange
      ) {
        suspects.push({ position: entry.leafIndex, row: stored, previousChain });
        if (suspects.length <= opts.maxProblems)
          report({ kind: 'reordered', leafIndex: entry.leafIndex, message: '' });
      }
      frontier.append(recomputed);
      checkCheckpoints();
      previousChain = stored.chain;
      previous = stored;
      expected = entry.leafIndex + 1;
    }
    if (rows.length < 5000) break;
    after = expected - 1;
  }
  void previous;

  // A signed checkpoint larger than the table: its newest entries were deleted.
  for (const checkpoint of checkpoints.slice(nextCheckpoint)) {
    if (checkpoint.treeSize > frontier.size) {
      report({
        kind: 'missing',
        leafIndex: frontier.size,
        message: `checkpoint at tree size ${checkpoint.treeSize} was signed but the log ends at ${frontier.size}: entries ${frontier.size}–${checkpoint.treeSize - 1} are missing`,
      });
      break;
    }
  }

  const largestSigned = checkpoints.at(-1)?.treeSize ?? 0;
  if (suspects.length > 0) {
    await explainBrokenLinks(
      db,
      suspects,
      problems,
      largestSigned > frontier.size,
      boundary
        ? {
            lastLeafIndex: Number(boundary.last_leaf_index),
            chain: Buffer.from(boundary.last_chain_hash, 'hex'),
          }
        : undefined,
    );
  }
  problems.sort((a, b) => a.leafIndex - b.leafIndex || order(a.kind) - order(b.kind));
  return {
    ok: problems.length === 0,
    checkedEntries,
    treeSize: frontier.size,
    archivedEntries: archived.length,
    checkpointsVerified,
    problems,
  };
}

function order(kind: AuditProblemKind): number {
  return [
    'missing',
    'reordered',
    'altered',
    'archive-mismatch',
    'checkpoint-mismatch',
    'checkpoint-signature',
  ].indexOf(kind);
}

/**
 * An intact entry whose chain link does not follow from the row before it was either moved
 * (its true predecessor sits elsewhere) or follows a removed entry (the rest renumbered), or its
 * leaf hash was rewritten along with its contents. Find out which by searching its predecessor.
 */
async function explainBrokenLinks(
  db: SqlExecutor,
  suspects: Array<{ position: number; row: StoredLink; previousChain: Buffer }>,
  problems: AuditProblem[],
  /** Fewer entries than a signed checkpoint covers: rows were removed, whatever else happened. */
  shortOfCheckpoint: boolean,
  boundary: { lastLeafIndex: number; chain: Buffer } | undefined,
) {
  const links = (
    await db.query<{ leaf_index: string; leaf_hash: string; chain_hash: string }>(
      'SELECT leaf_index::text AS leaf_index, leaf_hash, chain_hash FROM audit_events ORDER BY audit_events.leaf_index',
    )
  ).map((row) => ({
    leafIndex: Number(row.leaf_index),
    chain: Buffer.from(row.chain_hash, 'hex'),
    leaf: Buffer.from(row.leaf_hash, 'hex'),
  }));
  const byIndex = new Map(links.map((link) => [link.leafIndex, link]));
  const suspectAt = new Map(suspects.map((suspect) => [suspect.position, suspect]));
  // Where each suspect was written: right after its chain predecessor, wherever that row now is.
  const predecessorOf = new Map<number, number | 'genesis' | 'boundary' | undefined>();
  for (const suspect of suspects) {
    const found = links.find((link) => chainHash(link.chain, suspect.row.leaf).equals(suspect.row.chain));
    if (found) predecessorOf.set(suspect.position, found.leafIndex);
    else if (chainHash(genesisChainHash, suspect.row.leaf).equals(suspect.row.chain))
      predecessorOf.set(suspect.position, 'genesis');
    else if (boundary && chainHash(boundary.chain, suspect.row.leaf).equals(suspect.row.chain))
      predecessorOf.set(suspect.position, 'boundary');
    else predecessorOf.set(suspect.position, undefined);
  }
  // The position each row was written at. A row whose link to its neighbour holds is where it was
  // written relative to it; a suspect is one place after its predecessor's written position.
  const written = new Map<number, number | undefined>();
  const writtenAt = (position: number, visiting = new Set<number>()): number | undefined => {
    if (written.has(position)) return written.get(position);
    if (!suspectAt.has(position)) return position;
    if (visiting.has(position)) return undefined;
    visiting.add(position);
    const predecessor = predecessorOf.get(position);
    let result: number | undefined;
    if (predecessor === 'genesis') result = 0;
    else if (predecessor === 'boundary') result = boundary!.lastLeafIndex + 1;
    else if (predecessor !== undefined) {
      const before = writtenAt(predecessor, visiting);
      result = before === undefined ? undefined : before + 1;
    }
    written.set(position, result);
    return result;
  };
  for (const suspect of suspects) {
    const problem = problems.find(
      (p) => p.kind === 'reordered' && p.leafIndex === suspect.position && p.message === '',
    );
    if (!problem) continue;
    const original =
      predecessorOf.get(suspect.position) === undefined ? undefined : writtenAt(suspect.position);
    const next = byIndex.get(suspect.position + 1);
    if (original !== undefined && original === suspect.position) {
      // In its place: it only follows a row that was moved, which is reported on that row.
      problems.splice(problems.indexOf(problem), 1);
    } else if (original !== undefined) {
      problem.message = `entry at position ${suspect.position} is out of order: it was written as entry ${original}`;
      const gap = problems.find(
        (p) => p.kind === 'missing' && p.leafIndex === original && /is missing \(deleted\)/.test(p.message),
      );
      if (gap) {
        gap.kind = 'reordered';
        gap.message = `entry ${original} is not in its place: it was moved to position ${suspect.position}`;
      }
    } else if (!shortOfCheckpoint && next && chainHash(suspect.row.chain, next.leaf).equals(next.chain)) {
      problem.kind = 'altered';
      problem.message = `entry ${suspect.position} was altered and its leaf hash rewritten to match`;
    } else if (shortOfCheckpoint) {
      problem.kind = 'missing';
      problem.message = `an entry just before position ${suspect.position} was removed and later entries renumbered`;
    } else {
      problem.kind = 'altered';
      problem.message = `entry ${suspect.position} does not follow from the entry before it: inserted or rewritten, or an entry before it was removed and the rest renumbered`;
    }
  }
}

export const verifyAuditLogAtOptionsSchema = z
  .object({
    databaseUrl: z.string().startsWith('postgres', 'must be a postgres:// URL').optional(),
    dataDir: z.string().min(1).optional(),
    schema: z.string().default('safeguard'),
    trustedKeys: z.record(z.string(), z.string()).optional(),
  })
  .strict()
  .refine((o) => (o.databaseUrl === undefined) !== (o.dataDir === undefined), {
    message: 'give exactly one of databaseUrl or dataDir',
    path: ['databaseUrl'],
  });

/**
 * What `safeguard audit verify --database-url … | --data-dir …` runs: opens the database, verifies
 * and closes it. Exit code convention for wrappers: 0 intact, 1 problems found, 2 could not run.
 */
export async function verifyAuditLogAt(
  options: z.input<typeof verifyAuditLogAtOptionsSchema>,
): Promise<AuditVerification> {
  const parsed = verifyAuditLogAtOptionsSchema.parse(options);
  const db: Database = await openDatabase(
    parsed.databaseUrl
      ? { databaseUrl: parsed.databaseUrl, schema: parsed.schema, poolSize: 2 }
      : { dataDir: parsed.dataDir!, schema: parsed.schema },
  );
  try {
    const [tables] = await db.query<{ found: string | null }>(
      "SELECT to_regclass('audit_events')::text AS found",
    );
    if (!tables?.found) {
      throw new Error(
        `no audit log in schema "${parsed.schema}" of this database (check --schema and the database)`,
      );
    }
    return await verifyAuditLog(db, parsed.trustedKeys ? { trustedKeys: parsed.trustedKeys } : {});
  } finally {
    await db.close();
  }
}

/** Human-readable lines for a verification result; never contains detail values. */
export function formatVerification(result: AuditVerification): string {
  const lines = [
    `${result.ok ? 'OK' : 'TAMPERED'}: ${result.treeSize} entries (${result.archivedEntries} archived), ${result.checkedEntries} recomputed, ${result.checkpointsVerified} signed checkpoints verified`,
  ];
  for (const problem of result.problems) lines.push(`  ${problem.kind.padEnd(20)} ${problem.message}`);
  return lines.join('\n');
}
