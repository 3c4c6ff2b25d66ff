import { z } from 'zod';
import { readDataFile } from '../../data-files.js';

const date = z
  .union([z.string(), z.date()])
  .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d));
const lifecycleSchema = z.object({
  source: z.object({ title: z.string(), url: z.string().url(), asOf: z.union([z.string(), z.date()]) }),
  standardSupportEnd: z.record(z.string(), z.record(z.string(), date)),
});

let cached: ReadonlyMap<string, ReadonlyMap<string, string>> | undefined;

/** Engine family → major version → end of RDS standard support (`YYYY-MM-DD`), from `data/rds-engine-versions.yaml`. */
export function standardSupportEndDates(): ReadonlyMap<string, ReadonlyMap<string, string>> {
  if (cached) return cached;
  const data = lifecycleSchema.parse(readDataFile('rds-engine-versions.yaml'));
  cached = new Map(
    Object.entries(data.standardSupportEnd).map(([family, versions]) => [
      family,
      new Map(Object.entries(versions)),
    ]),
  );
  return cached;
}

/**
 * The lifecycle family and major version of an engine version as RDS names them: `postgres 16.4` → `16`,
 * `postgres 9.6.24` → `9.6`, `mysql 8.0.35` → `8.0`, `aurora-mysql 8.0.mysql_aurora.3.05.2` → `8.0`, `aurora` → `5.6`.
 * `undefined` for engines without a tracked lifecycle (Oracle, SQL Server, Db2).
 */
export function majorVersion(engine: string, version: string): { family: string; major: string } | undefined {
  const parts = version.split('.');
  if (engine === 'postgres' || engine === 'aurora-postgresql') {
    const first = Number(parts[0]);
    return { family: engine, major: first >= 10 ? String(first) : `${parts[0]}.${parts[1] ?? '0'}` };
  }
  if (engine === 'mysql' || engine === 'mariadb' || engine === 'aurora-mysql')
    return { family: engine, major: `${parts[0]}.${parts[1] ?? '0'}` };
  if (engine === 'aurora') return { family: 'aurora-mysql', major: '5.6' };
  return undefined;
}

/** Days before the end of standard support from which a version is reported as ending soon. */
export const END_OF_SUPPORT_WARNING_DAYS = 180;

export type EngineSupportStatus =
  | { readonly status: 'ended'; readonly date: string; readonly major: string }
  | { readonly status: 'ending-soon'; readonly date: string; readonly days: number; readonly major: string }
  | { readonly status: 'supported'; readonly date: string; readonly major: string }
  | { readonly status: 'unlisted'; readonly major: string }
  | { readonly status: 'untracked' };

/** Standard-support status of an engine version on `today` (a parameter so tests use a fixed clock). */
export function engineSupportStatus(
  engine: string,
  version: string,
  today: Date = new Date(),
): EngineSupportStatus {
  const parsed = majorVersion(engine, version);
  if (!parsed) return { status: 'untracked' };
  const date = standardSupportEndDates().get(parsed.family)?.get(parsed.major);
  if (!date) return { status: 'unlisted', major: parsed.major };
  const days = Math.floor((Date.parse(`${date}T00:00:00Z`) - today.getTime()) / 86_400_000);
  if (days < 0) return { status: 'ended', date, major: parsed.major };
  if (days <= END_OF_SUPPORT_WARNING_DAYS) return { status: 'ending-soon', date, days, major: parsed.major };
  return { status: 'supported', date, major: parsed.major };
}
