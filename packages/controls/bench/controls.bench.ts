// Benchmarks for @safeguard/controls with fixed inputs, compared with their baselines in the same
// run. Prints a table and writes docs/benchmarks/controls.md.
//   npx tsx packages/controls/bench/controls.bench.ts          (PGlite only)
//   DATABASE_URL=postgres://… npx tsx packages/controls/bench/controls.bench.ts
import { createCipheriv, createDecipheriv, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  AlgorithmSuiteIdentifier,
  buildClient,
  CommitmentPolicy,
  getLocalCryptographicMaterialsCache,
  NodeCachingMaterialsManager,
  RawAesKeyringNode,
  RawAesWrappingSuiteIdentifier,
} from '@aws-crypto/client-node';
import pg from 'pg';
import { AuditLog } from '../src/audit/audit-log.js';
import { ed25519CheckpointSigner } from '../src/audit/checkpoint-signer.js';
import { FieldCipher } from '../src/crypto/field-cipher.js';
import { LocalKeyring } from '../src/crypto/local-keyring.js';
import { TenantKeyStore } from '../src/crypto/tenant-key-store.js';
import { type Database, openDatabase } from '../src/storage/database.js';
import { applyMigrations } from '../src/storage/migrations.js';

const auditRows = 5000;
const concurrency = 256;
const latencySamples = 400;
const fieldOps = 50_000;
const sdkOps = 3000;
const fieldValue = '123-45-6789';

interface Row {
  benchmark: string;
  backend: string;
  result: string;
  baseline: string;
  ratio: string;
  target: string;
}
const rows: Row[] = [];

function auditEvent(i: number) {
  return {
    actor: { userId: `user-${i % 50}`, role: 'clinician', ip: '10.0.0.1', tenantId: `tenant-${i % 5}` },
    action: 'read',
    resource: { type: 'patient', id: `p-${i}` },
    outcome: 'success' as const,
    details: { fields: ['name', 'dob'], query: `search ${i}` },
  };
}

async function inWindows<T>(count: number, window: number, task: (i: number) => Promise<T>) {
  let next = 0;
  const workers = Array.from({ length: window }, async () => {
    while (next < count) await task(next++);
  });
  await Promise.all(workers);
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

async function benchAudit(db: Database, backend: string) {
  const { privateKey } = generateKeyPairSync('ed25519');
  const audit = new AuditLog(db, {
    redactionKey: randomBytes(32),
    signer: ed25519CheckpointSigner({
      keyId: 'bench',
      privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    }),
    checkpointEvery: 100_000,
  });
  await db.exec(`CREATE TABLE IF NOT EXISTS bench_plain_events (
    id bigserial PRIMARY KEY, occurred_at timestamptz NOT NULL DEFAULT now(), tenant_id text, actor_user_id text NOT NULL,
    actor_role text NOT NULL, actor_ip text, action text NOT NULL, resource_type text NOT NULL, resource_id text,
    outcome text NOT NULL, reason text, details jsonb NOT NULL, sensitive boolean NOT NULL)`);
  // Warm-up (keys, plans, connections).
  for (let i = 0; i < 50; i++) await audit.record(auditEvent(i));

  let started = performance.now();
  await inWindows(auditRows, concurrency, async (i) => {
    const e = auditEvent(i);
    await db.query(
      `INSERT INTO bench_plain_events (tenant_id, actor_user_id, actor_role, actor_ip, action, resource_type, resource_id,
         outcome, reason, details, sensitive) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11)`,
      [
        e.actor.tenantId,
        e.actor.userId,
        e.actor.role,
        e.actor.ip,
        e.action,
        e.resource.type,
        e.resource.id,
        e.outcome,
        null,
        JSON.stringify(e.details),
        false,
      ],
    );
  });
  const plainPerSecond = auditRows / ((performance.now() - started) / 1000);

  started = performance.now();
  await inWindows(auditRows, concurrency, (i) => audit.record(auditEvent(i)));
  const auditPerSecond = auditRows / ((performance.now() - started) / 1000);

  const latencies: number[] = [];
  for (let i = 0; i < latencySamples; i++) {
    const t = performance.now();
    await audit.record(auditEvent(i));
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  await audit.flush();
  rows.push({
    benchmark: `audit appends/s (${auditRows} rows, ${concurrency} in flight)`,
    backend,
    result: auditPerSecond.toFixed(0),
    baseline: `${plainPerSecond.toFixed(0)} plain INSERTs/s`,
    ratio: `${(auditPerSecond / plainPerSecond).toFixed(2)}×`,
    target: '≥ 0.5×',
  });
  rows.push({
    benchmark: 'audit single append latency (sequential)',
    backend,
    result: `p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`,
    baseline: '',
    ratio: '',
    target: '',
  });
}

async function benchFields(directory: string) {
  const db = await openDatabase({});
  await applyMigrations(db);
  const keys = new TenantKeyStore(db, new LocalKeyring({ path: join(directory, 'keyring.json') }));
  const cipher = new FieldCipher(keys);
  const location = { tenantId: 'tenant-1', table: 'patients', column: 'ssn', recordId: 'p-1' };
  await cipher.decrypt(location, await cipher.encrypt(location, fieldValue));

  let started = performance.now();
  for (let i = 0; i < fieldOps; i++)
    await cipher.decrypt(location, await cipher.encrypt(location, fieldValue));
  const ours = fieldOps / ((performance.now() - started) / 1000);

  const key = randomBytes(32);
  started = performance.now();
  for (let i = 0; i < fieldOps; i++) {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([c.update(fieldValue, 'utf8'), c.final()]);
    const tag = c.getAuthTag();
    const d = createDecipheriv('aes-256-gcm', key, iv);
    d.setAuthTag(tag);
    Buffer.concat([d.update(body), d.final()]).toString('utf8');
  }
  const raw = fieldOps / ((performance.now() - started) / 1000);

  const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);
  const keyring = new RawAesKeyringNode({
    keyName: 'bench-key',
    keyNamespace: 'bench',
    unencryptedMasterKey: new Uint8Array(randomBytes(32)),
    wrappingSuite: RawAesWrappingSuiteIdentifier.AES256_GCM_IV12_TAG16_NO_PADDING,
  });
  const cmm = new NodeCachingMaterialsManager({
    backingMaterials: keyring,
    cache: getLocalCryptographicMaterialsCache(1000),
    maxAge: 60_000,
    maxMessagesEncrypted: 1_000_000,
  });
  const context = { tenant: 'tenant-1', table: 'patients', column: 'ssn', record: 'p-1' };
  // The fastest committing suite (no ECDSA signature), so the baseline is the SDK at its best.
  const sdkOptions = {
    encryptionContext: context,
    suiteId: AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY,
  };
  await decrypt(cmm, (await encrypt(cmm, fieldValue, sdkOptions)).result);
  started = performance.now();
  for (let i = 0; i < sdkOps; i++) {
    const { result } = await encrypt(cmm, fieldValue, sdkOptions);
    await decrypt(cmm, result);
  }
  const sdk = sdkOps / ((performance.now() - started) / 1000);
  await db.close();

  rows.push({
    benchmark: `field encrypt+decrypt ops/s (${fieldValue.length}-byte value)`,
    backend: 'in-process',
    result: ours.toFixed(0),
    baseline: `${sdk.toFixed(0)} AWS Encryption SDK (raw AES keyring, caching CMM)`,
    ratio: `${(ours / sdk).toFixed(1)}×`,
    target: '≥ 5×',
  });
  rows.push({
    benchmark: 'field encrypt+decrypt ops/s',
    backend: 'in-process',
    result: ours.toFixed(0),
    baseline: `${raw.toFixed(0)} raw node:crypto AES-256-GCM`,
    ratio: `${(ours / raw).toFixed(2)}×`,
    target: '≥ 0.5×',
  });
}

async function main() {
  const directory = await mkdtemp(join(os.tmpdir(), 'safeguard-bench-'));
  try {
    await benchFields(directory);

    const lite = await openDatabase({});
    await applyMigrations(lite);
    await benchAudit(lite, 'PGlite (in-memory)');
    await lite.close();

    const databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      const suffix = randomBytes(4).toString('hex');
      const schema = `bench_${suffix}`;
      const roles = { application: `bench_${suffix}_app`, worker: `bench_${suffix}_worker` };
      const server = await openDatabase({ databaseUrl, schema, roles, poolSize: 10 });
      try {
        await applyMigrations(server);
        const [settings] = await server.query<{ version: string; fsync: string; synchronous_commit: string }>(
          `SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync,
                  current_setting('synchronous_commit') AS synchronous_commit`,
        );
        await benchAudit(
          server,
          `PostgreSQL ${settings!.version} (pool of 10, fsync=${settings!.fsync}, synchronous_commit=${settings!.synchronous_commit})`,
        );
      } finally {
        await server.close();
        const admin = new pg.Client({ connectionString: databaseUrl });
        await admin.connect();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        for (const role of Object.values(roles))
          await admin.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
        await admin.end();
      }
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }

  const cpus = os.cpus();
  const machine = `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}, 1-minute load average ${os.loadavg()[0]!.toFixed(1)} at the end (other work on the machine)`;
  const header = ['benchmark', 'backend', 'result', 'baseline (same run)', 'ratio', 'target'];
  const table = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(
      (r) => `| ${[r.benchmark, r.backend, r.result, r.baseline, r.ratio, r.target].join(' | ')} |`,
    ),
  ].join('\n');
  const markdown = `## @safeguard/controls

Run: ${new Date().toISOString()} — ${machine}${process.env.DATABASE_URL ? '' : ' — PostgreSQL not measured (DATABASE_URL unset)'}

${table}

Command: \`npx tsx packages/controls/bench/controls.bench.ts\` (set \`DATABASE_URL\` to include PostgreSQL).
Ratios are measured within one run, so machine load affects both sides; absolute figures vary with load.
Audit appends go through the full path (validation, redaction, hashing, chain, one transaction per
group commit); plain INSERTs are single-row autocommit statements of the same rows at the same
concurrency. Field operations use a warm key cache; the AWS Encryption SDK baseline uses a raw AES
keyring behind a caching materials manager, an encryption context of the same four values and
the committing suite without signatures (ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY).
`;
  console.log(`\n${machine}\n\n${table}\n`);
  const out = new URL('../../../docs/benchmarks/', import.meta.url);
  await mkdir(out, { recursive: true });
  await writeFile(new URL('controls.md', out), markdown);
  console.log('wrote docs/benchmarks/controls.md');
}

await main();
