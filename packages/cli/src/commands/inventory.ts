import { hipaaEligibility } from '@safeguard/engine';
import { parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { runScan } from './scan.js';

/** `safeguard inventory <paths>`: every resource, modelled or not, its service, BAA eligibility and PHI boundary membership. */
export async function inventoryCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('inventory', args, {
    json: { type: 'boolean' },
    param: { type: 'string', short: 'p', multiple: true },
    var: { type: 'string', multiple: true },
    'var-file': { type: 'string', multiple: true },
    config: { type: 'string', short: 'c' },
  });
  const result = await runScan(io, 'inventory', values, positionals);
  const eligibility = hipaaEligibility();
  const rows = result.model.resources.map((resource) => ({
    id: resource.source.nativeId,
    type: resource.source.nativeType,
    kind: resource.kind,
    service: resource.service,
    eligibility: eligibility.classify(resource.service).status,
    phi: result.boundary.has(resource.id),
    phiReason: result.boundary.reason(resource.id) ?? null,
    file: resource.source.file,
    line: resource.source.line ?? null,
    path: resource.source.cdkPath ?? null,
    joined: resource.joined.map((source) => `${source.nativeId} (${source.nativeType})`),
  }));
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({ eligibleServicesAsOf: eligibility.asOf, resources: rows, errors: result.errors }, null, 2)}\n`,
    );
  } else {
    const header = ['resource', 'type', 'kind', 'service', 'BAA', 'PHI boundary'];
    const table = rows.map((row) => [
      row.id,
      row.type,
      row.kind,
      row.service,
      row.eligibility,
      row.phi ? `yes — ${row.phiReason}` : 'no',
    ]);
    const widths = header.map((title, column) =>
      Math.min(48, Math.max(title.length, ...table.map((cells) => (cells[column] ?? '').length))),
    );
    const line = (cells: string[]) =>
      cells
        .map((cell, column) => cell.slice(0, 48).padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd();
    io.stdout.write(`${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
    for (const cells of table) io.stdout.write(`${line(cells)}\n`);
    const inBoundary = rows.filter((row) => row.phi);
    io.stdout.write(
      `\n${rows.length} resources; ${inBoundary.length} inside the PHI boundary; ${inBoundary.filter((row) => row.eligibility === 'not-eligible').length} of those on services outside the AWS BAA (list as of ${eligibility.asOf})\n`,
    );
    for (const error of result.errors)
      io.stderr.write(`${error.file}${error.line ? `:${error.line}` : ''}: ${error.message}\n`);
  }
  return result.errors.length > 0 ? 3 : 0;
}
