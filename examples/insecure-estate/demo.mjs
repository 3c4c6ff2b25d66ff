// The Safeguard demo: scan the Northwind Clinic estate (CloudFormation and Terraform) as it was (insecure) and after the
// fixes (hardened), write JSON, SARIF and HTML reports under reports/, and compare the two.
// Run from the repository root with `npm run demo` (which builds first).
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../packages/cli/dist/main.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SEVERITIES = ['critical', 'high', 'medium', 'low'];

const scans = [
  {
    name: 'northwind-insecure',
    label: 'insecure',
    // CloudFormation templates and the Terraform root module (HCL) of the same platform, in one report.
    paths: [
      'examples/insecure-estate/cloudformation/insecure',
      'examples/insecure-estate/terraform/insecure',
    ],
    // The legacy estate must fail the gate (exit 1) with findings.
    expectedExit: 1,
  },
  {
    name: 'northwind-hardened',
    label: 'hardened',
    paths: [
      'examples/insecure-estate/cloudformation/hardened',
      'examples/insecure-estate/terraform/hardened',
    ],
    // The hardened twin must pass the gate (exit 0): no high or critical finding, no input error.
    expectedExit: 0,
  },
];

/** The findings of a JSON report, whichever top-level shape the reporter uses. */
function findingsOf(report) {
  const list = Array.isArray(report) ? report : (report.findings ?? report.results ?? []);
  return Array.isArray(list) ? list : [];
}

/** Active (not suppressed) findings by severity, and the suppressed count. */
function countsOf(report) {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, suppressed: 0 };
  for (const finding of findingsOf(report)) {
    const suppressed = finding.suppressed === true && finding.suppression?.expired !== true;
    if (suppressed) counts.suppressed += 1;
    else if (finding.severity in counts) counts[finding.severity] += 1;
  }
  return counts;
}

const results = [];
for (const scan of scans) {
  const reports = ['json', 'sarif', 'html'].map((format) => ({
    format,
    path: `reports/${scan.name}.${format}`,
  }));
  const argv = [
    'scan',
    ...scan.paths,
    '--format',
    'terminal',
    ...reports.flatMap(({ format, path }) => ['--format', format, '--output', path]),
  ];
  process.stdout.write(`\n━━ safeguard ${argv.join(' ')}\n\n`);
  const code = await main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: root,
  });
  let counts;
  let problem;
  try {
    counts = countsOf(JSON.parse(readFileSync(resolve(root, reports[0].path), 'utf8')));
  } catch (error) {
    problem = `cannot read ${reports[0].path}: ${error instanceof Error ? error.message : String(error)}`;
  }
  results.push({ ...scan, code, counts, problem, reports });
}

const pad = (text, width) => String(text).padStart(width);
process.stdout.write('\n━━ Northwind Clinic: before and after\n\n');
process.stdout.write(`${''.padEnd(12)}${pad('insecure', 10)}${pad('hardened', 10)}\n`);
for (const key of [...SEVERITIES, 'suppressed']) {
  const [before, after] = results.map((r) => (r.counts ? r.counts[key] : '?'));
  process.stdout.write(`${key.padEnd(12)}${pad(before, 10)}${pad(after, 10)}\n`);
}
process.stdout.write(`${'exit code'.padEnd(12)}${results.map((r) => pad(r.code, 10)).join('')}\n\n`);
for (const r of results) {
  process.stdout.write(
    `${r.label} reports: ${r.reports.map((report) => relative(root, resolve(root, report.path))).join(', ')}\n`,
  );
}

const failures = [];
for (const r of results) {
  if (r.problem) failures.push(`${r.label}: ${r.problem}`);
  if (r.code !== r.expectedExit)
    failures.push(`${r.label}: safeguard exited ${r.code}, expected ${r.expectedExit}`);
}
const [insecure, hardened] = results;
const active = (counts) => (counts ? SEVERITIES.reduce((sum, s) => sum + counts[s], 0) : 0);
if (insecure?.counts && active(insecure.counts) === 0) failures.push('insecure: no findings reported');
if (hardened?.counts && hardened.counts.critical + hardened.counts.high > 0)
  failures.push(
    `hardened: ${hardened.counts.critical} critical and ${hardened.counts.high} high findings remain`,
  );

if (failures.length > 0) {
  process.stderr.write(`\ndemo: the scans did not behave as expected:\n  ${failures.join('\n  ')}\n`);
  process.exit(1);
}
process.stdout.write(
  '\ndemo: as expected - the legacy estate fails the gate and the hardened twin passes it.\n',
);
