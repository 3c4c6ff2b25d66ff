import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './database.js';

/** SQL files live beside the package (not in src) so the built package ships the same files. */
const migrationsDirectory = new URL('../../migrations/', import.meta.url);

export interface AppliedMigration {
  version: string;
  name: string;
}

/**
 * Applies the SQL migrations in file-name order, once each, under an advisory lock so that
 * several processes starting together against one server do not race (ARCHITECTURE.md "Storage").
 * Role names are substituted so each deployment (and each test schema) may name its own roles.
 */
export async function applyMigrations(db: Database): Promise<AppliedMigration[]> {
  const files = (await readdir(migrationsDirectory))
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort();
  const applied: AppliedMigration[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${db.schema}.migrations`]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (
        await tx.query<{ version: string; checksum: string }>(
          'SELECT version, checksum FROM schema_migrations',
        )
      ).map((row) => [row.version, row.checksum]),
    );
    for (const file of files) {
      const version = file.slice(0, 4);
      const name = file.slice(5, -4);
      const template = await readFile(new URL(file, migrationsDirectory), 'utf8');
      const checksum = createHash('sha256').update(template).digest('hex');
      const previous = done.get(version);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(
            `migration ${file} was changed after it was applied to schema "${db.schema}" (add a new migration instead)`,
          );
        }
        continue;
      }
      await tx.exec(
        template
          .replaceAll('{{schema}}', db.schema)
          .replaceAll('{{app_role}}', db.roles.application)
          .replaceAll('{{worker_role}}', db.roles.worker),
      );
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        version,
        name,
        checksum,
      ]);
      applied.push({ version, name });
    }
  });
  return applied;
}
