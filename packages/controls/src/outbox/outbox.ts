import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Database, SqlExecutor } from '../storage/database.js';
import { asOutboxWorker } from '../tenancy/tenant-scope.js';

export const outboxEventSchema = z
  .object({
    topic: z.string().regex(/^[a-z][a-z0-9_.:-]{0,127}$/, 'topic must be lower-case: a-z, 0-9, _ . : -'),
    /** JSON payload. Encrypt PHI fields with FieldCipher before they go in (R-APP-1). */
    payload: z.record(z.string(), z.unknown()),
    /** Stable key the consumer deduplicates on. @default a random UUID */
    idempotencyKey: z.string().min(1).max(200).optional(),
  })
  .strict();
export type OutboxEventInput = z.input<typeof outboxEventSchema>;

export interface OutboxEvent {
  eventId: number;
  tenantId: string;
  topic: string;
  payload: Record<string, unknown>;
  /** Tenant-qualified key: the consumer must apply each key at most once (R-APP-9). */
  idempotencyKey: string;
  /** 1 on the first delivery, more on retries. */
  attempt: number;
}

/** Throw this from a consumer to record a safe, PHI-free reason; other errors record their class only. */
export class OutboxDeliveryError extends Error {
  override readonly name = 'OutboxDeliveryError';
}

/**
 * Writes an event in the caller's transaction: it commits or rolls back with the data (R-APP-9).
 * `tx` must come from withTenant (the event belongs to that tenant under row-level security).
 */
export async function enqueueOutboxEvent(tx: SqlExecutor, event: OutboxEventInput): Promise<string> {
  const parsed = outboxEventSchema.parse(event);
  const key = parsed.idempotencyKey ?? randomUUID();
  await tx.query('INSERT INTO outbox_events (topic, idempotency_key, payload) VALUES ($1, $2, $3::jsonb)', [
    parsed.topic,
    key,
    JSON.stringify(parsed.payload),
  ]);
  return key;
}

export const outboxWorkerOptionsSchema = z
  .object({
    /** Identifies the worker in `locked_by`. @default host-pid-random */
    workerId: z.string().min(1).optional(),
    /** Events claimed per round. @default 10 */
    batchSize: z.number().int().min(1).max(1000).default(10),
    /** A claim expires after this long; a crashed worker's events are then claimed again. @default 30000 */
    leaseMs: z.number().int().min(100).default(30_000),
    /** Deliveries before an event is parked in the dead-letter table. @default 5 */
    maxAttempts: z.number().int().min(1).default(5),
    /** First retry delay; doubles each attempt (with jitter), capped at maxBackoffMs. @default 1000 */
    baseBackoffMs: z.number().int().min(0).default(1000),
    maxBackoffMs: z.number().int().min(0).default(300_000),
    /** Sleep when there is nothing to do. @default 500 */
    idleMs: z.number().int().min(1).default(500),
  })
  .strict();
export type OutboxWorkerOptions = z.input<typeof outboxWorkerOptionsSchema>;

export type OutboxConsumer = (event: OutboxEvent) => Promise<void>;

interface ClaimedRow {
  event_id: string;
  tenant_id: string;
  topic: string;
  payload: Record<string, unknown>;
  idempotency_key: string;
  attempts: number;
}

/**
 * Delivers outbox events at least once. Claims use FOR UPDATE SKIP LOCKED and a lease, so any
 * number of workers on any number of machines share the work (R-X-1), and an event held by a
 * worker that died is delivered again once its lease ends. Consumers deduplicate on the key.
 */
export class OutboxWorker {
  readonly #db: Database;
  readonly #consume: OutboxConsumer;
  readonly #options: z.output<typeof outboxWorkerOptionsSchema>;
  readonly workerId: string;
  #running = false;

  constructor(db: Database, consume: OutboxConsumer, options: OutboxWorkerOptions = {}) {
    this.#db = db;
    this.#consume = consume;
    this.#options = outboxWorkerOptionsSchema.parse(options);
    this.workerId = this.#options.workerId ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  }

  /** Claims and delivers one batch; returns how many events were delivered successfully. */
  async runOnce(): Promise<{ claimed: number; delivered: number; failed: number; deadLettered: number }> {
    const claimed = await asOutboxWorker(this.#db, (tx) =>
      tx.query<ClaimedRow>(
        `UPDATE outbox_events SET locked_by = $1, locked_until = now() + make_interval(secs => $2::double precision / 1000),
           attempts = attempts + 1
         WHERE event_id IN (
           SELECT event_id FROM outbox_events
            WHERE delivered_at IS NULL AND available_at <= now() AND (locked_until IS NULL OR locked_until < now())
            ORDER BY event_id LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING event_id::text, tenant_id, topic, payload, idempotency_key, attempts`,
        [this.workerId, this.#options.leaseMs, this.#options.batchSize],
      ),
    );
    let delivered = 0;
    let failed = 0;
    let deadLettered = 0;
    for (const row of claimed.sort((a, b) => Number(a.event_id) - Number(b.event_id))) {
      const event: OutboxEvent = {
        eventId: Number(row.event_id),
        tenantId: row.tenant_id,
        topic: row.topic,
        payload: row.payload,
        idempotencyKey: `${row.tenant_id}/${row.idempotency_key}`,
        attempt: row.attempts,
      };
      try {
        await this.#consume(event);
        await asOutboxWorker(this.#db, (tx) =>
          tx.query(
            `UPDATE outbox_events SET delivered_at = now(), locked_by = NULL, locked_until = NULL, last_error = NULL
              WHERE event_id = $1 AND locked_by = $2`,
            [event.eventId, this.workerId],
          ),
        );
        delivered += 1;
      } catch (error) {
        failed += 1;
        const reason =
          error instanceof OutboxDeliveryError
            ? `${error.name}: ${error.message}`
            : error instanceof Error
              ? error.name
              : 'Error';
        if (row.attempts >= this.#options.maxAttempts) {
          deadLettered += 1;
          await this.#deadLetter(event.eventId, reason.slice(0, 500));
        } else {
          const delay = Math.min(
            this.#options.maxBackoffMs,
            this.#options.baseBackoffMs * 2 ** (row.attempts - 1) * (0.5 + Math.random() / 2),
          );
          await asOutboxWorker(this.#db, (tx) =>
            tx.query(
              `UPDATE outbox_events SET locked_by = NULL, locked_until = NULL, last_error = $3,
                 available_at = now() + make_interval(secs => $2::double precision / 1000)
               WHERE event_id = $1`,
              [event.eventId, delay, reason.slice(0, 500)],
            ),
          );
        }
      }
    }
    return { claimed: claimed.length, delivered, failed, deadLettered };
  }

  /** Parks a poison event: moved, in one transaction, from the outbox to the dead-letter table. */
  async #deadLetter(eventId: number, reason: string) {
    await asOutboxWorker(this.#db, async (tx) => {
      await tx.query(
        `INSERT INTO outbox_dead_letters (event_id, tenant_id, topic, idempotency_key, payload, created_at, attempts, last_error)
         SELECT event_id, tenant_id, topic, idempotency_key, payload, created_at, attempts, $2
           FROM outbox_events WHERE event_id = $1`,
        [eventId, reason],
      );
      await tx.query('DELETE FROM outbox_events WHERE event_id = $1', [eventId]);
    });
  }

  /** Loops until `stop()`; resolves when the loop has ended. */
  async run(): Promise<void> {
    this.#running = true;
    while (this.#running) {
      try {
        const { claimed } = await this.runOnce();
        if (claimed === 0) await sleep(this.#options.idleMs);
      } catch {
        // Database unreachable or restarting: claims are leased, so back off and try again.
        await sleep(this.#options.idleMs);
      }
    }
  }

  stop(): void {
    this.#running = false;
  }
}

/** Outbox counts for monitoring and evidence (worker role: every tenant). */
export async function outboxBacklog(
  db: Database,
): Promise<{ pending: number; delivered: number; deadLettered: number }> {
  return asOutboxWorker(db, async (tx) => {
    const [row] = await tx.query<{ pending: string; delivered: string; dead: string }>(
      `SELECT (SELECT count(*) FROM outbox_events WHERE delivered_at IS NULL)::text AS pending,
              (SELECT count(*) FROM outbox_events WHERE delivered_at IS NOT NULL)::text AS delivered,
              (SELECT count(*) FROM outbox_dead_letters)::text AS dead`,
    );
    return {
      pending: Number(row!.pending),
      delivered: Number(row!.delivered),
      deadLettered: Number(row!.dead),
    };
  });
}
