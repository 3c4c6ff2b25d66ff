import { z } from 'zod';
import { describeInvalid } from '../audit/audit-log.js';
import type { Database } from '../storage/database.js';
import { withTenant } from '../tenancy/tenant-scope.js';

const unitSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_.:-]{0,63}$/, 'unit must be lower-case: a-z, 0-9, _ . : -');

export const quotaLimitSchema = z
  .object({
    unit: unitSchema,
    period: z.enum(['day', 'month']),
    /** Units included in the plan per period. */
    includedUnits: z.number().int().min(0),
    /** Extra units allowed past the included ones (billed as overage) before degrading. @default 0 */
    overageUnits: z.number().int().min(0).default(0),
  })
  .strict();
export type QuotaLimit = z.input<typeof quotaLimitSchema>;

/**
 * - `allowed`: within the included units.
 * - `overage`: past the included units but within the overage cap (billable).
 * - `degraded`: past the overage cap; nothing was consumed and the caller should switch to its
 *   cheaper, safer mode (e.g. skip third-party AI calls) rather than fail (R-APP-8).
 */
export type QuotaDecision = 'allowed' | 'overage' | 'degraded';

export interface QuotaOutcome {
  decision: QuotaDecision;
  unit: string;
  periodStart: string;
  usedUnits: number;
  includedUnits: number;
  overageUnits: number;
}

export interface QuotaUsage {
  unit: string;
  periodStart: string;
  usedUnits: number;
  includedUnits: number;
  overageUnits: number;
  /** Units used beyond the included ones: what billing charges as overage. */
  billableOverage: number;
  degradedRequests: number;
}

/** Per-tenant usage quotas, consumed atomically in the database (R-APP-8). */
export class QuotaLedger {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async setLimit(tenantId: string, limit: QuotaLimit): Promise<void> {
    const parsed = quotaLimitSchema.safeParse(limit);
    if (!parsed.success) throw describeInvalid('quota limit', parsed.error);
    const l = parsed.data;
    await withTenant(this.#db, tenantId, (tx) =>
      tx.query(
        `INSERT INTO quota_limits (unit, period, included_units, overage_units) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, unit) DO UPDATE
           SET period = excluded.period, included_units = excluded.included_units, overage_units = excluded.overage_units`,
        [l.unit, l.period, l.includedUnits, l.overageUnits],
      ),
    );
  }

  /**
   * Consumes `units` if they fit under included + overage; one statement with a row lock
   * (INSERT … ON CONFLICT DO UPDATE … WHERE), so concurrent callers never overshoot the cap.
   */
  async consume(tenantId: string, unit: string, units = 1): Promise<QuotaOutcome> {
    unitSchema.parse(unit);
    z.number().int('units must be a whole number').min(1, 'units must be at least 1').parse(units);
    return withTenant(this.#db, tenantId, async (tx) => {
      const [limit] = await tx.query<{
        period: 'day' | 'month';
        included_units: string;
        overage_units: string;
        period_start: string;
      }>(
        `SELECT period, included_units::text, overage_units::text,
           to_char(date_trunc(period, now() AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS period_start
         FROM quota_limits WHERE unit = $1`,
        [unit],
      );
      if (!limit)
        throw new Error(`tenant ${tenantId} has no quota for unit "${unit}" (call quotas.setLimit first)`);
      const included = Number(limit.included_units);
      const overage = Number(limit.overage_units);
      const [consumed] = await tx.query<{ used_units: string }>(
        `INSERT INTO quota_usage (unit, period_start, used_units)
         SELECT $1, $2::timestamptz, $3 WHERE $3 <= $4::bigint
         ON CONFLICT (tenant_id, unit, period_start) DO UPDATE
           SET used_units = quota_usage.used_units + excluded.used_units, updated_at = now()
           WHERE quota_usage.used_units + excluded.used_units <= $4::bigint
         RETURNING used_units::text`,
        [unit, limit.period_start, units, included + overage],
      );
      if (consumed) {
        const used = Number(consumed.used_units);
        return {
          decision: used <= included ? 'allowed' : 'overage',
          unit,
          periodStart: limit.period_start,
          usedUnits: used,
          includedUnits: included,
          overageUnits: overage,
        };
      }
      // Past the cap: count the degraded request for evidence and billing, consume nothing.
      const [row] = await tx.query<{ used_units: string }>(
        `INSERT INTO quota_usage (unit, period_start, used_units, degraded_requests) VALUES ($1, $2::timestamptz, 0, 1)
         ON CONFLICT (tenant_id, unit, period_start) DO UPDATE
           SET degraded_requests = quota_usage.degraded_requests + 1, updated_at = now()
         RETURNING used_units::text`,
        [unit, limit.period_start],
      );
      return {
        decision: 'degraded',
        unit,
        periodStart: limit.period_start,
        usedUnits: Number(row!.used_units),
        includedUnits: included,
        overageUnits: overage,
      };
    });
  }

  /** Usage per unit and period, newest first: the record billing and auditors read. */
  async usage(tenantId: string, options: { unit?: string } = {}): Promise<QuotaUsage[]> {
    if (options.unit !== undefined) unitSchema.parse(options.unit);
    return withTenant(this.#db, tenantId, async (tx) => {
      const rows = await tx.query<{
        unit: string;
        period_start: string;
        used_units: string;
        included_units: string;
        overage_units: string;
        degraded_requests: string;
      }>(
        `SELECT u.unit, to_char(u.period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS period_start,
           u.used_units::text, l.included_units::text, l.overage_units::text, u.degraded_requests::text
         FROM quota_usage u JOIN quota_limits l USING (tenant_id, unit)
         WHERE $1::text IS NULL OR u.unit = $1 ORDER BY u.period_start DESC, u.unit`,
        [options.unit ?? null],
      );
      return rows.map((row) => ({
        unit: row.unit,
        periodStart: row.period_start,
        usedUnits: Number(row.used_units),
        includedUnits: Number(row.included_units),
        overageUnits: Number(row.overage_units),
        billableOverage: Math.max(0, Number(row.used_units) - Number(row.included_units)),
        degradedRequests: Number(row.degraded_requests),
      }));
    });
  }
}
