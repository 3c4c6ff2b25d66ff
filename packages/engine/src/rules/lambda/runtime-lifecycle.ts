import { z } from 'zod';
import { readDataFile } from '../../data-files.js';

const runtimesSchema = z.object({
  source: z.object({ title: z.string(), url: z.string().url(), asOf: z.union([z.string(), z.date()]) }),
  deprecation: z.record(z.string(), z.union([z.string(), z.date()])),
});

let cached: ReadonlyMap<string, string> | undefined;

/** Runtime identifier → deprecation date (`YYYY-MM-DD`), from the dated `data/lambda-runtimes.yaml`. */
export function runtimeDeprecationDates(): ReadonlyMap<string, string> {
  if (cached) return cached;
  const data = runtimesSchema.parse(readDataFile('lambda-runtimes.yaml'));
  cached = new Map(
    Object.entries(data.deprecation).map(([runtime, date]) => [
      runtime,
      date instanceof Date ? date.toISOString().slice(0, 10) : date,
    ]),
  );
  return cached;
}

/** Days before deprecation from which a runtime is reported as deprecating soon. */
export const DEPRECATION_WARNING_DAYS = 180;

export type RuntimeStatus =
  | { readonly status: 'deprecated'; readonly date: string }
  | { readonly status: 'deprecating-soon'; readonly date: string; readonly days: number }
  | { readonly status: 'supported'; readonly date: string }
  | { readonly status: 'unlisted' };

/** Lifecycle of a runtime on `today` (a date, so the check is testable with a fixed clock). */
export function runtimeStatus(runtime: string, today: Date = new Date()): RuntimeStatus {
  const date = runtimeDeprecationDates().get(runtime);
  if (!date) return { status: 'unlisted' };
  const days = Math.floor((Date.parse(`${date}T00:00:00Z`) - today.getTime()) / 86_400_000);
  if (days < 0) return { status: 'deprecated', date };
  if (days <= DEPRECATION_WARNING_DAYS) return { status: 'deprecating-soon', date, days: days };
  return { status: 'supported', date };
}
