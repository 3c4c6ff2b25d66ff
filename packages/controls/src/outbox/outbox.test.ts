import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresTestDatabase, type TestDatabase, testBackends } from '../storage/fixtures/backends.js';
import { withTenant } from '../tenancy/tenant-scope.js';
import { applyToConsumer, consumerTables } from './fixtures/idempotent-consumer.js';
import { enqueueOutboxEvent, OutboxDeliveryError, OutboxWorker, outboxBacklog } from './outbox.js';

describe.each(testBackends())('transactional outbox on $name', (backend) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await backend.open();
  });
  afterAll(() => test.dispose());

  it('commits an event with its data and drops it with a rollback', async () => {
    await withTenant(test.db, 'clinic-o', (tx) =>
      enqueueOutboxEvent(tx, {
        topic: 'patient.updated',
        payload: { recordId: 'p-1' },
        idempotencyKey: 'k-commit',
      }),
    );
    await expect(
      withTenant(test.db, 'clinic-o', async (tx) => {
        await enqueueOutboxEvent(tx, { topic: 'patient.updated', payload: {}, idempotencyKey: 'k-rollback' });
        throw new Error('data write failed');
      }),
    ).rejects.toThrow('data write failed');
    const keys = await withTenant(test.db, 'clinic-o', (tx) =>
      tx.query<{ idempotency_key: string }>('SELECT idempotency_key FROM outbox_events ORDER BY event_id'),
    );
    expect(keys.map((k) => k.idempotency_key)).toEqual(['k-commit']);
    await expect(
      withTenant(test.db, 'clinic-o', (tx) => enqueueOutboxEvent(tx, { topic: 'Bad Topic', payload: {} })),
    ).rejects.toThrow(/topic/);
  });

  it('delivers with the tenant-qualified idempotency key and marks delivered', async () => {
    const seen: string[] = [];
    const worker = new OutboxWorker(test.db, async (event) => void seen.push(event.idempotencyKey));
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(seen).toEqual(['clinic-o/k-commit']);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
  });

  it('retries with backoff, then parks a poison event in the dead-letter table', async () => {
    await withTenant(test.db, 'clinic-o', async (tx) => {
      await enqueueOutboxEvent(tx, { topic: 'flaky', payload: {}, idempotencyKey: 'k-flaky' });
      await enqueueOutboxEvent(tx, { topic: 'poison', payload: {}, idempotencyKey: 'k-poison' });
    });
    let flakyCalls = 0;
    const worker = new OutboxWorker(
      test.db,
      async (event) => {
        if (event.topic === 'poison') throw new OutboxDeliveryError('downstream rejected the schema');
        flakyCalls += 1;
        if (flakyCalls < 3) throw new Error('temporary outage with secret detail');
      },
      { maxAttempts: 3, baseBackoffMs: 50, maxBackoffMs: 200 },
    );
    const first = await worker.runOnce();
    expect(first).toMatchObject({ claimed: 2, failed: 2 });
    // Backoff: not available again straight away.
    expect((await worker.runOnce()).claimed).toBe(0);
    const [pending] = await test.db.query<{ last_error: string; later: boolean }>(
      "SELECT last_error, available_at > now() AS later FROM outbox_events WHERE idempotency_key = 'k-flaky'",
    );
    expect(pending).toEqual({ last_error: 'Error', later: true });
    for (let round = 0; round < 40 && (await outboxBacklog(test.db)).pending > 0; round++) {
      await new Promise((resolve) => setTimeout(resolve, 60));
      await worker.runOnce();
    }
    expect(flakyCalls).toBe(3);
    expect(await outboxBacklog(test.db)).toEqual({ pending: 0, delivered: 2, deadLettered: 1 });
    const dead = await withTenant(test.db, 'clinic-o', (tx) =>
      tx.query<{ idempotency_key: string; attempts: number; last_error: string }>(
        'SELECT idempotency_key, attempts, last_error FROM outbox_dead_letters',
      ),
    );
    expect(dead).toEqual([
      {
        idempotency_key: 'k-poison',
        attempts: 3,
        last_error: 'OutboxDeliveryError: downstream rejected the schema',
      },
    ]);
  });

  it('lets concurrent workers share events without delivering one twice', async () => {
    await withTenant(test.db, 'clinic-o', async (tx) => {
      for (let i = 0; i < 40; i++)
        await enqueueOutboxEvent(tx, { topic: 'bulk', payload: { i }, idempotencyKey: `bulk-${i}` });
    });
    const deliveries: string[] = [];
    const workers = [1, 2, 3].map(
      (n) =>
        new OutboxWorker(test.db, async (event) => void deliveries.push(event.idempotencyKey), {
          batchSize: 4,
          workerId: `w${n}`,
        }),
    );
    for (let round = 0; round < 20; round++) await Promise.all(workers.map((w) => w.runOnce()));
    expect(deliveries).toHaveLength(40);
    expect(new Set(deliveries).size).toBe(40);
  });
});

const databaseUrl = process.env.DATABASE_URL;
describe.skipIf(!databaseUrl)(
  'outbox worker killed mid-delivery (real PostgreSQL; skipped without DATABASE_URL because PGlite is single-process)',
  () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await openPostgresTestDatabase(databaseUrl!);
      await test.db.exec(consumerTables);
    });
    afterAll(() => test.dispose());

    it('loses no event and applies none twice after SIGKILL', async () => {
      const amounts = Array.from({ length: 30 }, (_, i) => i + 1);
      for (const [i, amount] of amounts.entries()) {
        await withTenant(test.db, i % 2 === 0 ? 'clinic-even' : 'clinic-odd', (tx) =>
          enqueueOutboxEvent(tx, { topic: 'charge', payload: { amount }, idempotencyKey: `charge-${i}` }),
        );
      }
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(new URL('./fixtures/kill-target-worker.ts', import.meta.url))],
        {
          env: {
            ...process.env,
            TEST_SCHEMA: test.connection.schema,
            TEST_APP_ROLE: test.connection.roles.application,
            TEST_WORKER_ROLE: test.connection.roles.worker,
            KILL_AFTER_APPLYING: '7',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      for (let waited = 0; !output.includes('APPLIED_NOT_ACKED') && waited < 45_000; waited += 50) {
        if (child.exitCode !== null) throw new Error(`worker exited early: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(output).toContain('APPLIED_NOT_ACKED');
      child.kill('SIGKILL');
      const [, signal] = await once(child, 'exit');
      expect(signal).toBe('SIGKILL');

      // The killed worker's claims are still leased; a survivor picks them up once the lease ends.
      const survivor = new OutboxWorker(test.db, (event) => applyToConsumer(test.db, event, 'survivor'), {
        batchSize: 10,
        leaseMs: 5000,
      });
      for (let round = 0; round < 100 && (await outboxBacklog(test.db)).pending > 0; round++) {
        const { claimed } = await survivor.runOnce();
        if (claimed === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(await outboxBacklog(test.db)).toEqual({ pending: 0, delivered: 30, deadLettered: 0 });
      const [applied] = await test.db.query<{ n: string; total: number }>(
        'SELECT (SELECT count(*) FROM consumer_applied)::text AS n, (SELECT total FROM consumer_balance) AS total',
      );
      expect(Number(applied!.n)).toBe(30);
      expect(applied!.total).toBe(amounts.reduce((a, b) => a + b, 0));
      // At least the event applied-but-not-acknowledged was delivered twice, and applied once.
      const redelivered = await test.db.query<{ idempotency_key: string }>(
        'SELECT idempotency_key FROM consumer_deliveries GROUP BY idempotency_key HAVING count(*) > 1',
      );
      expect(redelivered.length).toBeGreaterThanOrEqual(1);
    });
  },
);
