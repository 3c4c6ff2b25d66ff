import { spawnSync } from 'node:child_process';
import type { CliIo } from '../io.js';
import { UsageError } from '../io.js';

/**
 * `safeguard audit verify …`: the audit-log verifier of `@safeguard/controls` (R-APP-2). It runs as its own
 * process so the scanner does not load PostgreSQL drivers; its exit code is passed through (0 intact,
 * 1 tampering found, 2 could not run).
 */
export function auditCommand(args: readonly string[], io: CliIo): number {
  let bin: URL;
  try {
    bin = new URL('../bin/safeguard-audit.mjs', import.meta.resolve('@safeguard/controls'));
  } catch {
    throw new UsageError(
      'audit: the @safeguard/controls package is not installed (npm install @safeguard/controls)',
    );
  }
  const result = spawnSync(process.execPath, [bin.pathname, ...args], {
    cwd: io.cwd,
    env: io.env as NodeJS.ProcessEnv,
    encoding: 'utf8',
  });
  if (result.stdout) io.stdout.write(result.stdout);
  if (result.stderr) io.stderr.write(result.stderr.replaceAll('safeguard-audit', 'safeguard audit'));
  return result.status ?? 2;
}
