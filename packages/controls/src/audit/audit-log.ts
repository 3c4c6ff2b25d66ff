import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Database, SqlExecutor } from '../storage/database.js';
import { tenantIdSchema, withoutTenant } from '../tenancy/tenant-scope.js';
import {
  type AuditEntry,
  type AuditEventInput,
  auditEventInputSchema,
  canonicalJson,
  chainHash,
  defaultSensitiveDetailKeys,
  entryLeafHash,
  genesisChainHash,
  redactDetails,
} from './audit-entry.js';
import { type CheckpointSigner, checkpointMessage } from './checkpoint-signer.js';
import { InclusionProver, MerkleFrontier } from './merkle-tree.js';

export const auditLogOptionsSchema = z
  .object({
    /** Key of the keyed hash that replaces sensitive detail values (≥ 32 bytes, kept secret). */
    redactionKey: z
      .instanceof(Buffer)
      .refine((key) => key.length >= 32, 'redactionKey must be at least 32 bytes'),
    /** Signs checkpoints (signed tree heads). */
    signer: z.custom<CheckpointSigner>(
      (value) =>
        typeof (value as CheckpointSigner)?.sign === 'function' &&
        typeof (value as CheckpointSigner)?.keyId === 'string',
      'signer must have keyId and sign()',
    ),
    /** Detail keys whose values are hashed before insert. @default defaultSensitiveDetailKeys */
    sensitiveKeys: z.array(z.string().min(1)).default([...defaultSensitiveDetailKeys]),
    /** Most rows written in one group commit. @default 500 */
    maxBatchSize: z.number().int().min(1).max(2000).default(500),
    /** A signed checkpoint is written after this many new entries. @default 1000 */
    checkpointEvery: z.number().int().min(1).default(1000),
    /** …or when the newest checkpoint is older than this and new entries exist. @default 60000 */
    checkpointIntervalMs: z.number().int().min(0).default(60_000),
  })
  .strict();
export type AuditLogOptions = z.input<typeof auditLogOptionsSchema>;

export const auditSearchSchema = z
  .object({
    tenantId: tenantIdSchema.optional(),
    actorUserId: z.string().min(1).optional(),
    action: z.string().min(1).optional(),
    resourceType: z.string().min(1).optional(),
    resourceId: z.string().min(1).optional(),
    outcome: z.enum(['success', 'failure']).optional(),
    /** Inclusive lower bound on occurredAt. */
    from: z.coerce.date().optional(),
    /** Exclusive upper bound on occurredAt. */
    to: z.coerce.date().optional(),
    /** Keyset pagination: return entries after this leaf index. */
    afterLeafIndex: z.number().int().min(-1).optional(),
    limit: z.number().int().min(1).max(10_000).default(100),
  })
  .strict();
export type AuditSearch = z.input<typeof auditSearchSchema>;

export interface AuditCheckpoint {
  treeSize: number;
  rootHash: string;
  keyId: string;
  signature: string;
  signedAt: string;
}

export interface InclusionProof {
  leafIndex: number;
  leafHash: string;
  treeSize: number;
  rootHash: string;
  /** Sibling hashes, leaf to root (RFC 6962 audit path), hex. */
  auditPath: string[];
  checkpoint: AuditCheckpoint;
}

export class AuditTamperError extends Error {
  override readonly name = 'AuditTamperError';
}

interface Pending {
  row: PreparedRow;
  resolve: (receipt: { leafIndex: number; occurredAt: string }) => void;
  reject: (error: unknown) => void;
}

interface PreparedRow {
  tenantId: string | null;
  actorUserId: string;
  actorRole: string;
  actorIp: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: 'success' | 'failure';
  reason: string | null;
  details: Record<string, unknown>;
  sensitive: boolean;
}

export const auditEntryColumns = `leaf_index::text AS leaf_index,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
  tenant_id, actor_user_id, actor_role, actor_ip, action, resource_type, resource_id, outcome, reason,
  details, sensitive, leaf_hash, chain_hash`;

export interface AuditEntryRow {
  leaf_index: string;
  occurred_at: string;
  tenant_id: string | null;
  actor_user_id: string;
  actor_role: string;
  actor_ip: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  outcome: 'success' | 'failure';
  reason: string | null;
  details: Record<string, unknown> | string;
  sensitive: boolean;
  leaf_hash: string;
  chain_hash: string;
}

export function entryFromRow(row: AuditEntryRow): AuditEntry {
  return {
    leafIndex: Number(row.leaf_index),
    occurredAt: row.occurred_at,
    tenantId: row.tenant_id,
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    actorIp: row.actor_ip,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    outcome: row.outcome,
    reason: row.reason,
    details:
      typeof row.details === 'string' ? (JSON.parse(row.details) as Record<string, unknown>) : row.details,
    sensitive: row.sensitive,
    leafHash: row.leaf_hash,
    chainHash: row.chain_hash,
  };
}

/**
 * The audit log (R-APP-2, 45 CFR 164.312(b)). `record` queues an event and resolves once it is
 * committed; events arriving while a batch commits form the next batch (group commit), so
 * throughput grows with load while each append still waits for durability.
 */
export class AuditLog {
  readonly #db: Database;
  readonly #options: z.output<typeof auditLogOptionsSchema>;
  readonly #queue: Pending[] = [];
  #flushing: Promise<void> | undefined;
  #frontier = new MerkleFrontier();
  #lastCheckpointSize: number | undefined;
  #lastCheckpointAt = 0;
  #prover: { treeSize: number; leaves: Buffer[]; prover: InclusionProver } | undefined;

  constructor(db: Database, options: AuditLogOptions) {
    this.#db = db;
    this.#options = auditLogOptionsSchema.parse(options);
  }

  /** Validates, redacts and appends one event; resolves with its leaf index once committed. */
  record(event: AuditEventInput): Promise<{ leafIndex: number; occurredAt: string }> {
    const parsed = auditEventInputSchema.safeParse(event);
    if (!parsed.success) return Promise.reject(describeInvalid('audit event', parsed.error));
    const input = parsed.data;
    const redacted = redactDetails(
      input.details ?? {},
      this.#options.sensitiveKeys,
      this.#options.redactionKey,
    );
    const row: PreparedRow = {
      tenantId: input.actor.tenantId ?? null,
      actorUserId: input.actor.userId,
      actorRole: input.actor.role,
      actorIp: input.actor.ip ?? null,
      action: input.action,
      resourceType: input.resource.type,
      resourceId: input.resource.id ?? null,
      outcome: input.outcome,
      reason: input.reason ?? null,
      details: JSON.parse(canonicalJson(redacted.details)) as Record<string, unknown>,
      sensitive: redacted.sensitive,
    };
    return new Promise((resolve, reject) => {
      this.#queue.push({ row, resolve, reject });
      this.#startFlushing();
    });
  }

  /** Resolves when every queued event is committed. */
  async flush(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  #startFlushing() {
    if (this.#flushing) return;
    this.#flushing = (async () => {
      let appendedUpTo = 0;
      const note = (receipt: { leafIndex: number }) => {
        appendedUpTo = Math.max(appendedUpTo, receipt.leafIndex + 1);
      };
      try {
        while (this.#queue.length > 0) {
          const batch = this.#queue.splice(0, this.#options.maxBatchSize);
          try {
            const receipts = await this.#append(batch.map((pending) => pending.row));
            for (const [i, pending] of batch.entries()) {
              note(receipts[i]!);
              pending.resolve(receipts[i]!);
            }
          } catch (error) {
            if (batch.length === 1) {
              batch[0]!.reject(error);
              continue;
            }
            // One bad row must not fail its neighbours: retry them one by one.
            for (const pending of batch) {
              await this.#append([pending.row]).then(
                (receipts) => {
                  note(receipts[0]!);
                  pending.resolve(receipts[0]!);
                },
                (single) => pending.reject(single),
              );
            }
          }
        }
        if (appendedUpTo > 0) await this.#maybeCheckpoint(appendedUpTo);
      } finally {
        this.#flushing = undefined;
        if (this.#queue.length > 0) this.#startFlushing();
      }
    })();
  }

  async #append(rows: PreparedRow[]): Promise<Array<{ leafIndex: number; occurredAt: string }>> {
    // The application role may only INSERT and SELECT here; grants and triggers refuse the rest.
    return withoutTenant(this.#db, async (tx) => {
      await lockLog(tx, this.#db.schema);
      const head = await readHead(tx);
      const [clock] = await tx.query<{ now: string }>(
        `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS now`,
      );
      const occurredAt = clock!.now;
      let previous = head.chainHash;
      const values: string[] = [];
      const params: unknown[] = [];
      const receipts: Array<{ leafIndex: number; occurredAt: string }> = [];
      rows.forEach((row, i) => {
        const leafIndex = head.nextIndex + i;
        const leaf = entryLeafHash({ ...row, occurredAt });
        previous = chainHash(previous, leaf);
        const base = params.length;
        const placeholders = Array.from({ length: 15 }, (_, k) => {
          const placeholder = `$${base + k + 1}`;
          return k === 1 ? `${placeholder}::timestamptz` : k === 11 ? `${placeholder}::jsonb` : placeholder;
        });
        values.push(`(${placeholders.join(', ')})`);
        params.push(
          leafIndex,
          occurredAt,
          row.tenantId,
          row.actorUserId,
          row.actorRole,
          row.actorIp,
          row.action,
          row.resourceType,
          row.resourceId,
          row.outcome,
          row.reason,
          canonicalJson(row.details),
          row.sensitive,
          leaf.toString('hex'),
          previous.toString('hex'),
        );
        receipts.push({ leafIndex, occurredAt });
      });
      await tx.query(
        `INSERT INTO audit_events (leaf_index, occurred_at, tenant_id, actor_user_id, actor_role, actor_ip, action,
           resource_type, resource_id, outcome, reason, details, sensitive, leaf_hash, chain_hash)
         VALUES ${values.join(', ')}`,
        params,
      );
      return receipts;
    });
  }

  async #maybeCheckpoint(appendedUpTo: number) {
    try {
      if (this.#lastCheckpointSize === undefined) {
        const [latest] = await this.#db.query<{ tree_size: string | null }>(
          'SELECT max(tree_size)::text AS tree_size FROM audit_checkpoints',
        );
        this.#lastCheckpointSize = Number(latest?.tree_size ?? 0);
      }
      const unsigned = appendedUpTo - this.#lastCheckpointSize;
      if (unsigned <= 0) return;
      // Entries after the newest checkpoint are protected by the chain alone, so sign often:
      // after `checkpointEvery` entries or `checkpointIntervalMs`, whichever comes first.
      if (
        unsigned >= this.#options.checkpointEvery ||
        Date.now() - this.#lastCheckpointAt >= this.#options.checkpointIntervalMs
      ) {
        await this.#signTreeHead();
      }
    } catch {
      // A background checkpoint that fails (e.g. a row altered behind our back) must not fail
      // the appends that triggered it; the next explicit checkpoint() or verify reports it.
    }
  }

  /** Flushes, then signs a final checkpoint so the newest entries are covered too. */
  async close(): Promise<void> {
    await this.flush();
    const [head] = await this.#db.query<{ size: string | null }>(
      'SELECT (max(leaf_index) + 1)::text AS size FROM audit_events',
    );
    if (Number(head?.size ?? 0) > (this.#lastCheckpointSize ?? 0)) await this.checkpoint();
  }

  /**
   * Signs the current tree head. Leaves are recomputed from the row contents first, so a row
   * altered behind the library's back is refused rather than signed.
   */
  async checkpoint(): Promise<AuditCheckpoint> {
    await this.flush();
    return this.#signTreeHead();
  }

  async #signTreeHead(): Promise<AuditCheckpoint> {
    return withoutTenant(this.#db, async (tx) => {
      await lockLog(tx, this.#db.schema);
      await this.#extendFrontier(tx);
      const treeSize = this.#frontier.size;
      if (treeSize === 0) throw new Error('the audit log is empty: nothing to checkpoint');
      const rootHash = this.#frontier.root().toString('hex');
      const existing = await tx.query<CheckpointRow>(
        `SELECT tree_size::text AS tree_size, root_hash, key_id, signature,
           to_char(signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS signed_at
         FROM audit_checkpoints WHERE tree_size = $1`,
        [treeSize],
      );
      if (existing[0]) {
        this.#lastCheckpointSize = treeSize;
        this.#lastCheckpointAt = Date.now();
        return checkpointFromRow(existing[0]);
      }
      const signature = Buffer.from(
        await this.#options.signer.sign(checkpointMessage(treeSize, rootHash)),
      ).toString('base64');
      const [row] = await tx.query<CheckpointRow>(
        `INSERT INTO audit_checkpoints (tree_size, root_hash, key_id, signature) VALUES ($1, $2, $3, $4)
         RETURNING tree_size::text AS tree_size, root_hash, key_id, signature,
           to_char(signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS signed_at`,
        [treeSize, rootHash, this.#options.signer.keyId, signature],
      );
      this.#lastCheckpointSize = treeSize;
      this.#lastCheckpointAt = Date.now();
      return checkpointFromRow(row!);
    });
  }

  async #extendFrontier(tx: SqlExecutor) {
    try {
      await this.#extendFrontierFromRows(tx);
    } catch (error) {
      this.#frontier = new MerkleFrontier();
      throw error;
    }
  }

  async #extendFrontierFromRows(tx: SqlExecutor) {
    const from = this.#frontier.size;
    const archived = await tx.query<{ leaf_index: string; leaf_hash: string }>(
      'SELECT leaf_index::text AS leaf_index, leaf_hash FROM audit_archived_leaves WHERE leaf_index >= $1 ORDER BY audit_archived_leaves.leaf_index',
      [from],
    );
    const extended = new MerkleFrontier();
    const replay = from === 0 ? extended : this.#frontier;
    for (const leaf of archived) {
      if (Number(leaf.leaf_index) !== replay.size)
        throw new AuditTamperError(`archived leaf ${replay.size} is missing`);
      replay.append(Buffer.from(leaf.leaf_hash, 'hex'));
    }
    for (let after = replay.size; ; ) {
      const rows = await tx.query<AuditEntryRow>(
        `SELECT ${auditEntryColumns} FROM audit_events WHERE leaf_index >= $1 ORDER BY audit_events.leaf_index LIMIT 5000`,
        [after],
      );
      for (const row of rows) {
        const entry = entryFromRow(row);
        if (entry.leafIndex !== replay.size) {
          throw new AuditTamperError(`audit entry ${replay.size} is missing; refusing to sign a checkpoint`);
        }
        const leaf = entryLeafHash(entry);
        if (leaf.toString('hex') !== entry.leafHash) {
          throw new AuditTamperError(
            `audit entry ${entry.leafIndex} was altered; refusing to sign a checkpoint`,
          );
        }
        replay.append(leaf);
      }
      if (rows.length < 5000) break;
      after = replay.size;
    }
    this.#frontier = replay;
  }

  /** Search by actor, resource, action, outcome and time range (UTC), oldest first. */
  async search(filter: AuditSearch = {}): Promise<AuditEntry[]> {
    const parsed = auditSearchSchema.safeParse(filter);
    if (!parsed.success) throw describeInvalid('audit search', parsed.error);
    const f = parsed.data;
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (f.tenantId !== undefined) add('tenant_id = ?', f.tenantId);
    if (f.actorUserId !== undefined) add('actor_user_id = ?', f.actorUserId);
    if (f.action !== undefined) add('action = ?', f.action);
    if (f.resourceType !== undefined) add('resource_type = ?', f.resourceType);
    if (f.resourceId !== undefined) add('resource_id = ?', f.resourceId);
    if (f.outcome !== undefined) add('outcome = ?', f.outcome);
    if (f.from !== undefined) add('occurred_at >= ?::timestamptz', f.from.toISOString());
    if (f.to !== undefined) add('occurred_at < ?::timestamptz', f.to.toISOString());
    if (f.afterLeafIndex !== undefined) add('leaf_index > ?', f.afterLeafIndex);
    params.push(f.limit);
    const rows = await this.#db.query<AuditEntryRow>(
      `SELECT ${auditEntryColumns} FROM audit_events
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY audit_events.leaf_index LIMIT $${params.length}`,
      params,
    );
    return rows.map(entryFromRow);
  }

  /** Proof that one entry is in the log, against the newest signed checkpoint covering it. */
  async inclusionProof(leafIndex: number): Promise<InclusionProof> {
    const [proof] = await this.#proofs([leafIndex]);
    return proof!;
  }

  async #proofs(leafIndexes: readonly number[]): Promise<InclusionProof[]> {
    if (leafIndexes.length === 0) return [];
    let checkpoint = await this.#latestCheckpoint();
    const highest = Math.max(...leafIndexes);
    if (!checkpoint || checkpoint.treeSize <= highest) checkpoint = await this.checkpoint();
    // Pages of one export share a checkpoint: read the leaves and hash the tree once for all.
    let cached = this.#prover;
    if (!cached || cached.treeSize !== checkpoint.treeSize) {
      const leaves = await readLeafHashes(this.#db, checkpoint.treeSize);
      cached = { treeSize: checkpoint.treeSize, leaves, prover: new InclusionProver(leaves) };
      this.#prover = cached;
    }
    const { leaves, prover } = cached;
    if (prover.root().toString('hex') !== checkpoint.rootHash) {
      throw new AuditTamperError(
        `stored leaf hashes no longer match checkpoint ${checkpoint.treeSize}; run verify to locate the change`,
      );
    }
    return leafIndexes.map((leafIndex) => ({
      leafIndex,
      leafHash: leaves[leafIndex]!.toString('hex'),
      treeSize: checkpoint.treeSize,
      rootHash: checkpoint.rootHash,
      auditPath: prover.path(leafIndex).map((hash) => hash.toString('hex')),
      checkpoint,
    }));
  }

  async #latestCheckpoint(): Promise<AuditCheckpoint | undefined> {
    const [row] = await this.#db.query<CheckpointRow>(
      `SELECT tree_size::text AS tree_size, root_hash, key_id, signature,
         to_char(signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS signed_at
       FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1`,
    );
    return row ? checkpointFromRow(row) : undefined;
  }

  /**
   * Export matching entries as JSON Lines or CSV, each with its inclusion proof, page by page.
   * Values under sensitive keys were already hashed at insert, so an export holds no PHI values.
   */
  async *export(
    format: 'jsonl' | 'csv',
    filter: Omit<AuditSearch, 'limit' | 'afterLeafIndex'> = {},
  ): AsyncGenerator<string> {
    if (format !== 'jsonl' && format !== 'csv')
      throw new Error(`export format must be "jsonl" or "csv", got ${String(format)}`);
    if (format === 'csv') yield `${csvColumns.join(',')}\n`;
    let after = -1;
    for (;;) {
      const page = await this.search({ ...filter, afterLeafIndex: after, limit: 1000 });
      if (page.length === 0) return;
      const proofs = await this.#proofs(page.map((entry) => entry.leafIndex));
      for (const [i, entry] of page.entries()) {
        const proof = proofs[i]!;
        yield format === 'jsonl' ? `${JSON.stringify({ ...entry, proof })}\n` : `${csvLine(entry, proof)}\n`;
      }
      after = page.at(-1)!.leafIndex;
    }
  }

  /**
   * Retention (164.316(b)(2)(i)): entries older than the configured minimum (default six years)
   * leave the table only here, only as a prefix of the log, and only after `store` has kept the
   * archive (JSON Lines with proofs). Their leaf hashes stay so the tree and chain still verify.
   * Younger rows cannot be removed: the database trigger refuses it whatever the caller does.
   */
  async archiveExpired(
    store: (archive: {
      content: string;
      sha256: string;
      firstLeafIndex: number;
      lastLeafIndex: number;
    }) => Promise<void>,
  ): Promise<{ archived: number }> {
    await this.flush();
    const [bounds] = await this.#db.query<{ first: string | null; last: string | null }>(
      `SELECT min(leaf_index)::text AS first, max(leaf_index)::text AS last FROM audit_events
        WHERE occurred_at < now() - (SELECT min_retention FROM audit_settings)
          AND leaf_index < coalesce((SELECT min(leaf_index) FROM audit_events
                                      WHERE occurred_at >= now() - (SELECT min_retention FROM audit_settings)), 9223372036854775807)`,
    );
    if (!bounds?.first || !bounds.last) return { archived: 0 };
    const firstLeafIndex = Number(bounds.first);
    const lastLeafIndex = Number(bounds.last);
    const entries = (
      await this.#db.query<AuditEntryRow>(
        `SELECT ${auditEntryColumns} FROM audit_events WHERE leaf_index BETWEEN $1 AND $2 ORDER BY audit_events.leaf_index`,
        [firstLeafIndex, lastLeafIndex],
      )
    ).map(entryFromRow);
    const proofs = await this.#proofs(entries.map((entry) => entry.leafIndex));
    const content = entries.map((entry, i) => `${JSON.stringify({ ...entry, proof: proofs[i] })}\n`).join('');
    const sha256 = createHash('sha256').update(content).digest('hex');
    await store({ content, sha256, firstLeafIndex, lastLeafIndex });
    await this.#db.transaction(async (tx) => {
      await lockLog(tx, this.#db.schema);
      const [next] = await tx.query<{ id: string }>(
        'SELECT (coalesce(max(archive_id), 0) + 1)::text AS id FROM audit_archives',
      );
      const archiveId = Number(next!.id);
      await tx.query(
        `INSERT INTO audit_archives (archive_id, first_leaf_index, last_leaf_index, last_chain_hash, archive_sha256)
         VALUES ($1, $2, $3, $4, $5)`,
        [archiveId, firstLeafIndex, lastLeafIndex, entries.at(-1)!.chainHash, sha256],
      );
      await tx.query(
        `INSERT INTO audit_archived_leaves (leaf_index, leaf_hash, archive_id)
         SELECT leaf_index, leaf_hash, $3 FROM audit_events WHERE leaf_index BETWEEN $1 AND $2`,
        [firstLeafIndex, lastLeafIndex, archiveId],
      );
      await tx.query("SELECT set_config('safeguard.audit_archive_id', $1, true)", [String(archiveId)]);
      await tx.query('DELETE FROM audit_events WHERE leaf_index BETWEEN $1 AND $2', [
        firstLeafIndex,
        lastLeafIndex,
      ]);
    });
    return { archived: entries.length };
  }
}

interface CheckpointRow {
  tree_size: string;
  root_hash: string;
  key_id: string;
  signature: string;
  signed_at: string;
}

function checkpointFromRow(row: CheckpointRow): AuditCheckpoint {
  return {
    treeSize: Number(row.tree_size),
    rootHash: row.root_hash,
    keyId: row.key_id,
    signature: row.signature,
    signedAt: row.signed_at,
  };
}

async function lockLog(tx: SqlExecutor, schema: string) {
  // One writer at a time per log, across processes: leaf indexes and the chain stay gap-free.
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${schema}.audit_events`]);
}

async function readHead(tx: SqlExecutor): Promise<{ nextIndex: number; chainHash: Buffer }> {
  const [last] = await tx.query<{ leaf_index: string; chain_hash: string }>(
    'SELECT leaf_index::text AS leaf_index, chain_hash FROM audit_events ORDER BY audit_events.leaf_index DESC LIMIT 1',
  );
  if (last) return { nextIndex: Number(last.leaf_index) + 1, chainHash: Buffer.from(last.chain_hash, 'hex') };
  const [archived] = await tx.query<{ last_leaf_index: string; last_chain_hash: string }>(
    'SELECT last_leaf_index::text AS last_leaf_index, last_chain_hash FROM audit_archives ORDER BY last_leaf_index DESC LIMIT 1',
  );
  if (archived) {
    return {
      nextIndex: Number(archived.last_leaf_index) + 1,
      chainHash: Buffer.from(archived.last_chain_hash, 'hex'),
    };
  }
  return { nextIndex: 0, chainHash: genesisChainHash };
}

/** Stored leaf hashes 0..treeSize-1, archived ones first. */
export async function readLeafHashes(db: SqlExecutor, treeSize: number): Promise<Buffer[]> {
  const rows = await db.query<{ leaf_index: string; leaf_hash: string }>(
    `SELECT leaf_index::text AS leaf_index, leaf_hash FROM audit_archived_leaves WHERE leaf_index < $1
     UNION ALL
     SELECT leaf_index::text, leaf_hash FROM audit_events WHERE leaf_index < $1
     ORDER BY 1`,
    [treeSize],
  );
  const sorted = rows.sort((a, b) => Number(a.leaf_index) - Number(b.leaf_index));
  return sorted.map((row) => Buffer.from(row.leaf_hash, 'hex'));
}

const csvColumns = [
  'leaf_index',
  'occurred_at',
  'tenant_id',
  'actor_user_id',
  'actor_role',
  'actor_ip',
  'action',
  'resource_type',
  'resource_id',
  'outcome',
  'reason',
  'sensitive',
  'details',
  'leaf_hash',
  'tree_size',
  'root_hash',
  'audit_path',
  'checkpoint_key_id',
  'checkpoint_signature',
];

function csvLine(entry: AuditEntry, proof: InclusionProof): string {
  return [
    entry.leafIndex,
    entry.occurredAt,
    entry.tenantId,
    entry.actorUserId,
    entry.actorRole,
    entry.actorIp,
    entry.action,
    entry.resourceType,
    entry.resourceId,
    entry.outcome,
    entry.reason,
    entry.sensitive,
    canonicalJson(entry.details),
    entry.leafHash,
    proof.treeSize,
    proof.rootHash,
    proof.auditPath.join(';'),
    proof.checkpoint.keyId,
    proof.checkpoint.signature,
  ]
    .map(csvCell)
    .join(',');
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Spreadsheet formula injection: a cell starting with = + - @ is neutralised.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function describeInvalid(what: string, error: z.ZodError): Error {
  const issues = error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return new TypeError(`invalid ${what}: ${issues.join('; ')}`);
}
