// `npm run bench`: every benchmark of the repository, then docs/benchmarks.md as the index of their results.
// Each benchmark writes its own page under docs/benchmarks/ with the machine and date.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const indexOnly = process.argv.includes('--index-only');
const steps = [
  [
    'engine (CloudFormation/CDK vs cdk-nag)',
    process.execPath,
    ['bench/run.mjs', ...(quick ? ['--quick'] : [])],
  ],
  [
    'Terraform (plan JSON and HCL)',
    process.execPath,
    ['bench/terraform.mjs', ...(quick ? ['--plan', '10000', '--hcl', '1000', '--runs', '1'] : [])],
  ],
  [
    'controls (audit log and field encryption)',
    process.execPath,
    ['--import', 'tsx', '--conditions=source', 'packages/controls/bench/controls.bench.ts'],
  ],
  [
    'CDK reference app synth',
    process.execPath,
    ['--import', 'tsx', '--conditions=source', 'packages/cdk/bench/synth.bench.ts'],
  ],
];
const failures = [];
for (const [label, command, args] of indexOnly ? [] : steps) {
  if (!existsSync(join(root, args.find((arg) => arg.endsWith('.mjs') || arg.endsWith('.ts')) ?? '')))
    continue;
  process.stdout.write(`\n━━ benchmark: ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) failures.push(label);
}

const pages = ['engine', 'terraform', 'controls', 'cdk'].filter((name) =>
  existsSync(join(root, `docs/benchmarks/${name}.md`)),
);
/** A page's verdict lines, or else its first table (pages written by the package benchmarks). */
const firstLines = (name) => {
  const lines = readFileSync(join(root, `docs/benchmarks/${name}.md`), 'utf8').split('\n');
  const verdicts = lines.filter((line) => /^- .*(met|not met|target|×)/i.test(line)).slice(0, 8);
  if (verdicts.length > 0) return verdicts.join('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  if (start < 0) return '';
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
};
let index = `# Benchmarks\n\nRun with \`npm run bench\` (builds first); each section links to the full page it summarises, which records the machine and date of its run. Index written ${new Date().toISOString().slice(0, 10)} on ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node.js ${process.version}.\n`;
for (const name of pages)
  index += `\n## [${name}](benchmarks/${name}.md)\n\n${firstLines(name) || 'See the page.'}\n`;
writeFileSync(join(root, 'docs/benchmarks.md'), index);
if (failures.length > 0) {
  process.stderr.write(`benchmarks that failed: ${failures.join(', ')}\n`);
  process.exitCode = 1;
}
