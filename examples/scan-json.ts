import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../packages/cli/src/main.js';
import type { JsonFinding, JsonReport } from '../packages/engine/src/report/json.js';

/** The repository root: example tests name their inputs relative to it, as a user would from a checkout. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs `safeguard scan <paths> --format json --quiet` in-process, as the CLI does, and returns its exit code, its
 * JSON report (the contract of docs/output-formats.md) and its standard error. Fails when no report was written.
 */
export async function scanJson(
  paths: string | readonly string[],
  cwd = root,
): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const list = typeof paths === 'string' ? [paths] : [...paths];
  let stdout = '';
  let stderr = '';
  const code = await main(['scan', ...list, '--format', 'json', '--quiet'], {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd,
  });
  if (!stdout.trim().startsWith('{'))
    throw new Error(
      `safeguard scan ${list.join(' ')} exited ${code} without a JSON report: ${stderr.trim()}`,
    );
  return { code, report: JSON.parse(stdout) as JsonReport, stderr };
}

/** The finding of `rule` on the resource with this logical id (CloudFormation) or address (Terraform). */
export function find(report: JsonReport, rule: string, resource: string): JsonFinding | undefined {
  return report.findings.find((f) => f.ruleId === rule && f.resource.id === resource);
}
