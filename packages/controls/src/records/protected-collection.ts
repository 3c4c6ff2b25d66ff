import { z } from 'zod';
import type { AuditEventInput } from '../audit/audit-entry.js';
import { type AuditLog, describeInvalid } from '../audit/audit-log.js';
import type { FieldCipher, FieldValue } from '../crypto/field-cipher.js';
import type { Database, SqlExecutor } from '../storage/database.js';
import { tenantIdSchema, withTenant } from '../tenancy/tenant-scope.js';

/** Who is acting. The tenant comes from authentication, never from the request body (R-APP-7). */
export const accessContextSchema = z
  .object({
    actor: z
      .object({
        userId: z.string().min(1, 'actor.userId must not be empty').max(256),
        role: z.string().min(1, 'actor.role must not be empty').max(64),
        ip: z.string().optional(),
        tenantId: tenantIdSchema,
      })
      .strict(),
  })
  .strict();
export type AccessContext = z.input<typeof accessContextSchema>;

const recordIdSchema = z
  .string({ error: 'recordId must be a string' })
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
    'recordId must be 1-128 letters, digits, ".", "_", ":" or "-"',
  );

export interface ProtectedCollectionDefinition<T extends Record<string, FieldValue>> {
  /** Collection name, e.g. "patients"; part of every ciphertext's associated data. */
  name: string;
  /** Validates every record written (R-APP-10). */
  schema: z.ZodType<T>;
  /** Fields stored only as ciphertext (R-APP-1). */
  sensitiveFields: ReadonlyArray<keyof T & string>;
  /** Sensitive fields searchable by exact match through a blind index, with optional normalisation. */
  searchableFields?: Partial<Record<keyof T & string, (value: string) => string>>;
}

export interface RecordVersion<T> {
  version: number;
  operation: 'create' | 'update' | 'delete';
  /** Names only: the audit log never holds the values (R-APP-3). */
  changedFields: string[];
  actorUserId: string;
  actorRole: string;
  changedAt: string;
  previous: T | null;
  current: T | null;
}

export interface WriteOptions {
  /**
   * Extra work in the same transaction as the write, e.g. enqueueOutboxEvent (R-APP-9): it
   * commits or rolls back with the record.
   */
  alsoInTransaction?: (tx: SqlExecutor) => Promise<unknown>;
}

export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError';
}

interface Dependencies {
  db: Database;
  cipher: FieldCipher;
  audit: AuditLog;
}

/**
 * A tenant-scoped collection of records with encrypted sensitive fields, a version per change
 * and an audit row per access: the one-call path for R-APP-1, R-APP-2, R-APP-3 and R-APP-7.
 * Every statement runs as the non-owner application role under row-level security.
 */
export class ProtectedCollection<T extends Record<string, FieldValue>> {
  readonly #deps: Dependencies;
  readonly #definition: ProtectedCollectionDefinition<T>;
  readonly #table: string;

  constructor(deps: Dependencies, definition: ProtectedCollectionDefinition<T>) {
    z.string()
      .regex(/^[a-z][a-z0-9_]{0,62}$/, 'collection name must be lower-case letters, digits, underscore')
      .parse(definition.name);
    for (const field of Object.keys(definition.searchableFields ?? {})) {
      if (!definition.sensitiveFields.includes(field as keyof T & string)) {
        throw new Error(
          `searchable field "${field}" of collection ${definition.name} must also be a sensitive field`,
        );
      }
    }
    this.#deps = deps;
    this.#definition = definition;
    this.#table = `records:${definition.name}`;
  }

  async create(context: AccessContext, recordId: string, data: T, options: WriteOptions = {}): Promise<void> {
    const { actor } = parseContext(context);
    const id = recordIdSchema.parse(recordId);
    const record = this.#validate(data);
    await this.#audited(actor, 'create', id, async () => {
      const version = await withTenant(this.#deps.db, actor.tenantId, async (tx) => {
        const body = await this.#encrypt(actor.tenantId, id, record, tx);
        // A re-created id continues its history rather than colliding with it.
        const [next] = await tx.query<{ version: number }>(
          `SELECT coalesce(max(version), 0)::int + 1 AS version FROM protected_record_versions
            WHERE collection = $1 AND record_id = $2`,
          [this.#definition.name, id],
        );
        await tx.query(
          'INSERT INTO protected_records (collection, record_id, version, body) VALUES ($1, $2, $3, $4::jsonb)',
          [this.#definition.name, id, next!.version, JSON.stringify(body)],
        );
        await this.#index(tx, actor.tenantId, id, record);
        await this.#keepVersion(tx, actor, id, next!.version, 'create', null, body, Object.keys(record));
        await options.alsoInTransaction?.(tx);
        return next!.version;
      });
      return { changedFields: Object.keys(record).sort(), version };
    });
  }

  /** The decrypted record, or undefined when it does not exist in the caller's tenant. */
  async read(context: AccessContext, recordId: string): Promise<T | undefined> {
    const { actor } = parseContext(context);
    const id = recordIdSchema.parse(recordId);
    let found: T | undefined;
    await this.#audited(actor, 'read', id, async () => {
      found = await withTenant(this.#deps.db, actor.tenantId, async (tx) => {
        const [row] = await tx.query<{ body: Record<string, FieldValue> }>(
          'SELECT body FROM protected_records WHERE collection = $1 AND record_id = $2',
          [this.#definition.name, id],
        );
        return row ? this.#decrypt(actor.tenantId, id, row.body, tx) : undefined;
      });
      if (!found) throw new RecordNotFoundError(`${this.#definition.name} ${id} not found`);
      return {};
    }).catch((error: unknown) => {
      if (!(error instanceof RecordNotFoundError)) throw error;
    });
    return found;
  }

  /** Applies a partial change; keeps the previous and new state as a version. */
  async update(
    context: AccessContext,
    recordId: string,
    patch: Partial<T>,
    options: WriteOptions = {},
  ): Promise<T> {
    const { actor } = parseContext(context);
    const id = recordIdSchema.parse(recordId);
    let updated: T | undefined;
    await this.#audited(actor, 'update', id, async () => {
      return withTenant(this.#deps.db, actor.tenantId, async (tx) => {
        const [row] = await tx.query<{ body: Record<string, FieldValue>; version: number }>(
          'SELECT body, version FROM protected_records WHERE collection = $1 AND record_id = $2 FOR UPDATE',
          [this.#definition.name, id],
        );
        if (!row) throw new RecordNotFoundError(`${this.#definition.name} ${id} not found`);
        const previous = await this.#decrypt(actor.tenantId, id, row.body, tx);
        const next = this.#validate({ ...previous, ...patch });
        const changedFields = Object.keys({ ...previous, ...next })
          .filter((field) => JSON.stringify(previous[field]) !== JSON.stringify(next[field]))
          .sort();
        const body = await this.#encrypt(actor.tenantId, id, next, tx);
        const version = row.version + 1;
        await tx.query(
          `UPDATE protected_records SET body = $3::jsonb, version = $4, updated_at = now()
            WHERE collection = $1 AND record_id = $2`,
          [this.#definition.name, id, JSON.stringify(body), version],
        );
        await this.#index(tx, actor.tenantId, id, next);
        await this.#keepVersion(tx, actor, id, version, 'update', row.body, body, changedFields);
        await options.alsoInTransaction?.(tx);
        updated = next;
        return { changedFields, version };
      });
    });
    return updated!;
  }

  async delete(context: AccessContext, recordId: string, options: WriteOptions = {}): Promise<void> {
    const { actor } = parseContext(context);
    const id = recordIdSchema.parse(recordId);
    await this.#audited(actor, 'delete', id, () =>
      withTenant(this.#deps.db, actor.tenantId, async (tx) => {
        const [row] = await tx.query<{ body: Record<string, FieldValue>; version: number }>(
          'DELETE FROM protected_records WHERE collection = $1 AND record_id = $2 RETURNING body, version',
          [this.#definition.name, id],
        );
        if (!row) throw new RecordNotFoundError(`${this.#definition.name} ${id} not found`);
        await this.#keepVersion(
          tx,
          actor,
          id,
          row.version + 1,
          'delete',
          row.body,
          null,
          Object.keys(row.body),
        );
        await options.alsoInTransaction?.(tx);
        return { changedFields: Object.keys(row.body).sort(), version: row.version + 1 };
      }),
    );
  }

  /** Exact-match search on a searchable encrypted field, through its blind index. */
  async findBy(
    context: AccessContext,
    field: keyof T & string,
    value: string,
  ): Promise<Array<{ recordId: string; record: T }>> {
    const { actor } = parseContext(context);
    const normalize = this.#definition.searchableFields?.[field];
    if (!normalize && !Object.hasOwn(this.#definition.searchableFields ?? {}, field)) {
      throw new Error(
        `field "${field}" of ${this.#definition.name} is not searchable (declare it in searchableFields)`,
      );
    }
    const found: Array<{ recordId: string; record: T }> = [];
    await this.#deps.audit.record({
      actor,
      action: 'search',
      resource: { type: this.#definition.name },
      outcome: 'success',
      // The searched value is hashed before insert because "query" is a sensitive key.
      details: { field, query: value },
    });
    await withTenant(this.#deps.db, actor.tenantId, async (tx) => {
      const token = await this.#deps.cipher.blindIndex(
        { tenantId: actor.tenantId, table: this.#table, column: field },
        normalize ? normalize(value) : value,
        tx,
      );
      const rows = await tx.query<{ record_id: string; body: Record<string, FieldValue> }>(
        `SELECT r.record_id, r.body FROM protected_record_index i
           JOIN protected_records r USING (tenant_id, collection, record_id)
          WHERE i.collection = $1 AND i.field = $2 AND i.token = $3 ORDER BY r.record_id`,
        [this.#definition.name, field, token],
      );
      for (const row of rows) {
        found.push({
          recordId: row.record_id,
          record: await this.#decrypt(actor.tenantId, row.record_id, row.body, tx),
        });
      }
    });
    return found;
  }

  /** Every version of a record, oldest first, decrypted for the caller's tenant (R-APP-3). */
  async timeline(context: AccessContext, recordId: string): Promise<Array<RecordVersion<T>>> {
    const { actor } = parseContext(context);
    const id = recordIdSchema.parse(recordId);
    const versions: Array<RecordVersion<T>> = [];
    await this.#audited(actor, 'read_history', id, () =>
      withTenant(this.#deps.db, actor.tenantId, async (tx) => {
        const rows = await tx.query<{
          version: number;
          operation: RecordVersion<T>['operation'];
          previous_state: Record<string, FieldValue> | null;
          new_state: Record<string, FieldValue> | null;
          changed_fields: string[];
          actor_user_id: string;
          actor_role: string;
          changed_at: string;
        }>(
          `SELECT version, operation, previous_state, new_state, changed_fields, actor_user_id, actor_role,
             to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS changed_at
           FROM protected_record_versions WHERE collection = $1 AND record_id = $2 ORDER BY version`,
          [this.#definition.name, id],
        );
        for (const row of rows) {
          versions.push({
            version: row.version,
            operation: row.operation,
            changedFields: row.changed_fields,
            actorUserId: row.actor_user_id,
            actorRole: row.actor_role,
            changedAt: row.changed_at,
            previous: row.previous_state
              ? await this.#decrypt(actor.tenantId, id, row.previous_state, tx)
              : null,
            current: row.new_state ? await this.#decrypt(actor.tenantId, id, row.new_state, tx) : null,
          });
        }
        return { versions: rows.length };
      }),
    );
    return versions;
  }

  /** Runs `work`, then audits it: success with its details, or failure with the error's class. */
  async #audited(
    actor: z.output<typeof accessContextSchema>['actor'],
    action: string,
    recordId: string,
    work: () => Promise<Record<string, unknown>>,
  ): Promise<void> {
    const resource = { type: this.#definition.name, id: recordId };
    const auditActor = {
      userId: actor.userId,
      role: actor.role,
      tenantId: actor.tenantId,
      ...(actor.ip ? { ip: actor.ip } : {}),
    };
    let details: Record<string, unknown>;
    try {
      details = await work();
    } catch (error) {
      // The reason is the error class only: messages may carry values (R-X-2).
      await this.#deps.audit.record({
        actor: auditActor,
        action,
        resource,
        outcome: 'failure',
        reason: error instanceof Error ? error.name : 'Error',
      });
      throw error;
    }
    await this.#deps.audit.record({
      actor: auditActor,
      action,
      resource,
      outcome: 'success',
      details: details as NonNullable<AuditEventInput['details']>,
    });
  }

  #validate(data: unknown): T {
    const parsed = this.#definition.schema.safeParse(data);
    if (!parsed.success) throw describeInvalid(`${this.#definition.name} record`, parsed.error);
    return parsed.data;
  }

  async #encrypt(tenantId: string, recordId: string, record: T, tx: SqlExecutor) {
    return this.#deps.cipher.encryptFields(
      { tenantId, table: this.#table, recordId },
      record,
      this.#definition.sensitiveFields,
      tx,
    );
  }

  async #decrypt(
    tenantId: string,
    recordId: string,
    body: Record<string, FieldValue>,
    tx: SqlExecutor,
  ): Promise<T> {
    return this.#deps.cipher.decryptFields<T>(
      { tenantId, table: this.#table, recordId },
      body,
      this.#definition.sensitiveFields,
      tx,
    );
  }

  async #index(tx: SqlExecutor, tenantId: string, recordId: string, record: T) {
    for (const [field, normalize] of Object.entries(this.#definition.searchableFields ?? {})) {
      const value = record[field];
      await tx.query(
        'DELETE FROM protected_record_index WHERE collection = $1 AND field = $2 AND record_id = $3',
        [this.#definition.name, field, recordId],
      );
      if (typeof value !== 'string') continue;
      const token = await this.#deps.cipher.blindIndex(
        { tenantId, table: this.#table, column: field },
        typeof normalize === 'function' ? normalize(value) : value,
        tx,
      );
      await tx.query(
        'INSERT INTO protected_record_index (collection, field, record_id, token) VALUES ($1, $2, $3, $4)',
        [this.#definition.name, field, recordId, token],
      );
    }
  }

  async #keepVersion(
    tx: SqlExecutor,
    actor: { userId: string; role: string },
    recordId: string,
    version: number,
    operation: RecordVersion<T>['operation'],
    previous: unknown,
    current: unknown,
    changedFields: string[],
  ) {
    await tx.query(
      `INSERT INTO protected_record_versions (collection, record_id, version, operation, previous_state, new_state,
         changed_fields, actor_user_id, actor_role)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9)`,
      [
        this.#definition.name,
        recordId,
        version,
        operation,
        previous === null ? null : JSON.stringify(previous),
        current === null ? null : JSON.stringify(current),
        changedFields.sort(),
        actor.userId,
        actor.role,
      ],
    );
  }
}

function parseContext(context: AccessContext) {
  const parsed = accessContextSchema.safeParse(context);
  if (!parsed.success) throw describeInvalid('access context', parsed.error);
  return parsed.data;
}
