import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { z } from 'zod';

/** Something that runs SQL: the database itself or one open transaction. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * One small data-access layer over both back ends (ARCHITECTURE.md "Storage", R-X-1):
 * an embedded PGlite instance (default, a directory on disk) or a `pg` pool on a real server.
 */
export interface DatabaseRoles {
  readonly application: string;
  readonly worker: string;
}

export interface Database extends SqlExecutor {
  readonly backend: 'pglite' | 'postgres';
  /** Schema that holds every table of the controls library. */
  readonly schema: string;
  /** Non-owner roles the library drops to inside transactions (R-APP-7). */
  readonly roles: DatabaseRoles;
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const identifierPattern = /^[a-z_][a-z0-9_]{0,62}$/;
export const sqlIdentifier = z
  .string()
  .regex(identifierPattern, 'must be a lower-case SQL identifier (letters, digits, underscore; max 63)');

export const openDatabaseOptions = z
  .object({
    /** postgres:// URL of a real server. When absent, PGlite is used. */
    databaseUrl: z.string().startsWith('postgres', 'must be a postgres:// or postgresql:// URL').optional(),
    /** PGlite data directory; omitted means in-memory (tests only). */
    dataDir: z.string().min(1).optional(),
    /** @default 'safeguard' */
    schema: sqlIdentifier.default('safeguard'),
    /**
     * Non-owner roles. Tenant work runs as `application` (row-level security applies), outbox
     * delivery as `worker`. Created by the migrations when missing.
     * @default { application: 'safeguard_app', worker: 'safeguard_worker' }
     */
    roles: z
      .object({
        application: sqlIdentifier.default('safeguard_app'),
        worker: sqlIdentifier.default('safeguard_worker'),
      })
      .strict()
      .default({ application: 'safeguard_app', worker: 'safeguard_worker' }),
    /** Size of the `pg` pool. @default 10 */
    poolSize: z.number().int().min(1).max(200).default(10),
  })
  .strict();
export type OpenDatabaseOptions = z.input<typeof openDatabaseOptions>;

/** Opens PGlite (embedded default) or a `pg` pool when `databaseUrl` is given. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const parsed = openDatabaseOptions.parse(options);
  if (parsed.databaseUrl)
    return openPostgres(parsed.databaseUrl, parsed.schema, parsed.roles, parsed.poolSize);
  return openPglite(parsed.dataDir, parsed.schema, parsed.roles);
}

async function openPglite(
  dataDir: string | undefined,
  schema: string,
  roles: DatabaseRoles,
): Promise<Database> {
  const lite = dataDir ? new PGlite(dataDir) : new PGlite();
  await lite.waitReady;
  await lite.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}, public;`);
  const wrap = (runner: Pick<PGlite, 'query' | 'exec'>): SqlExecutor => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await runner.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await runner.exec(sql);
    },
  });
  const direct = wrap(lite);
  return {
    backend: 'pglite',
    schema,
    roles,
    query: direct.query,
    exec: direct.exec,
    transaction: (work) => lite.transaction((tx) => work(wrap(tx))),
    close: () => lite.close(),
  };
}

async function openPostgres(
  databaseUrl: string,
  schema: string,
  roles: DatabaseRoles,
  poolSize: number,
): Promise<Database> {
  // Bare search_path per connection keeps each schema (and each parallel test file) self-contained.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    options: `-c search_path=${schema},public -c TimeZone=UTC`,
  });
  // An idle client that loses its server must not crash the host process.
  pool.on('error', () => {});
  const bootstrap = await pool.connect();
  try {
    // A runtime login that owns nothing may not create schemas: only try when it is missing.
    const existing = await bootstrap.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (existing.rowCount === 0) await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    // Two processes creating the same schema at once race on the catalog; the loser can go on.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    bootstrap.release();
  }
  const run = async <Row>(client: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[] = []) =>
    (await client.query(sql, params as unknown[])).rows as Row[];
  return {
    backend: 'postgres',
    schema,
    roles,
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
