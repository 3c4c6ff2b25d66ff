/**
 * Engine performance benchmark (issue #2): Safeguard's whole CLI run on generated multi-stack cdk.out
 * estates of 1k, 10k and 50k resources, side by side with cdk-nag v3's HIPAA pack on the same CDK app.
 *
 *   npm run bench                                  # build, then 1k, 10k, 50k
 *   node bench/run.mjs --sizes 1000,10000          # other sizes (skips the build)
 *   node bench/run.mjs --quick                     # 1k and 10k, one run of everything
 *
 * Options: --synth-runs N (default 5 up to 10k, 3 above; --quick: 1), --scan-runs N (default 3),
 * --nag-timeout SECONDS (default 600), --per-stack N (default 400), --no-write (print only),
 * --cli PATH (another CLI entry point; default packages/cli/bin/safeguard.js, which needs the build).
 *
 * Per size, each in a fresh process: (a) synth without cdk-nag into bench/out/cdk-<N>; (b) synth with the
 * HIPAA pack into bench/out/cdk-<N>-nag; nag added time = median(b) - median(a), both the in-process
 * construct + synth time (process start-up and module loading excluded, so the difference is the pack's).
 * (c) the Safeguard CLI scans bench/out/cdk-<N>: median wall time of the whole process, peak RSS,
 * findings and rules run from its JSON report. Writes docs/benchmarks/engine.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
const outRoot = join(root, 'bench/out');
const defaultCliEntry = join(root, 'packages/cli/bin/safeguard.js');
const GIB = 2 ** 30;
const TARGETS = { wall10kMs: 1000, wall50kMs: 5000, rssBytes: GIB, nagRatio: 5 };

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'synth-runs': { type: 'string' },
    'scan-runs': { type: 'string' },
    'nag-timeout': { type: 'string', default: '600' },
    'per-stack': { type: 'string', default: '400' },
    'no-write': { type: 'boolean', default: false },
    cli: { type: 'string' },
  },
});
// --cli names another entry point (e.g. a build elsewhere); by default the `safeguard` bin, which needs the build.
const cliEntry = args.cli ? resolve(args.cli) : defaultCliEntry;
const cliBuilt = args.cli ? cliEntry : join(root, 'packages/cli/dist/main.js');
const sizes = (args.sizes ?? (args.quick ? '1000,10000' : '1000,10000,50000')).split(',').map((size) => {
  const n = Number(size.trim().replace(/k$/i, '000'));
  if (!Number.isInteger(n) || n < 6)
    throw new Error(`--sizes: "${size}" is not a resource count (e.g. 10000)`);
  return n;
});
const scanRuns = Number(args['scan-runs'] ?? (args.quick ? 1 : 3));
// Synth at small sizes is short and easily disturbed by other work on the machine: more runs there.
const synthRunsFor = (n) => Number(args['synth-runs'] ?? (args.quick ? 1 : n > 10_000 ? 3 : 5));
const nagTimeoutMs = Number(args['nag-timeout']) * 1000;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const seconds = (ms) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
const mib = (bytes) =>
  bytes === undefined || Number.isNaN(bytes) ? '—' : `${Math.round(bytes / 2 ** 20)} MiB`;
const thousands = (n) => (n === undefined ? '—' : n.toLocaleString('en-US'));

/** Runs a command; resolves with wall time, exit code, output, and whether it hit the timeout. */
function run(command, argv, { timeoutMs } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    // Own process group, so a timeout stops the child and anything it started.
    const child = spawn(command, argv, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          process.kill(-child.pid, 'SIGKILL');
        }, timeoutMs)
      : undefined;
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ wallMs: performance.now() - started, code, signal, stdout, stderr, timedOut });
    });
  });
}

/** One synth in a fresh node; the generator prints its timings as the last stdout line. */
async function synthOnce(n, nag) {
  const outdir = join(outRoot, nag ? `cdk-${n}-nag` : `cdk-${n}`);
  rmSync(outdir, { recursive: true, force: true });
  const argv = [
    '--max-old-space-size=16384',
    '--import',
    'tsx',
    join(root, 'bench/generate-app.ts'),
    '--resources',
    String(n),
    '--outdir',
    outdir,
    '--per-stack',
    args['per-stack'],
    ...(nag ? ['--nag'] : []),
  ];
  const result = await run(process.execPath, argv, { timeoutMs: nag ? nagTimeoutMs : undefined });
  if (result.timedOut) return { timedOut: true, processMs: result.wallMs };
  const last = result.stdout.trim().split('\n').at(-1);
  if (result.code !== 0 || !last?.startsWith('{')) {
    throw new Error(
      `synth of ${n} resources${nag ? ' with cdk-nag' : ''} failed (exit ${result.code ?? result.signal}):\n${result.stderr.slice(-2000)}`,
    );
  }
  return { ...JSON.parse(last), processMs: result.wallMs };
}

/** Rules in cdk-nag's HIPAA pack, counted by running the pack's own rule registration once. */
function countNagRules() {
  const require = createRequire(join(root, 'package.json'));
  const { App, Stack, CfnResource } = require('aws-cdk-lib');
  const { HIPAASecurityChecks } = require('cdk-nag');
  const nagVersion = require('cdk-nag/package.json').version;
  const pack = new HIPAASecurityChecks();
  const ids = new Set();
  // checkResource calls applyRule once per rule for every resource (each rule filters by type itself).
  pack.applyRule = (params) => ids.add(params.ruleSuffixOverride ?? params.rule.name);
  pack.checkResource(new CfnResource(new Stack(new App(), 'Probe'), 'Probe', { type: 'AWS::S3::Bucket' }));
  return { rules: ids.size, version: nagVersion };
}

/** Finds the first number or array length under any of `paths` (dotted) in the report. */
function pick(report, paths, count) {
  for (const path of paths) {
    const value = path.split('.').reduce((node, key) => node?.[key], report);
    if (Array.isArray(value)) return count ? count(value) : value.length;
    if (typeof value === 'number') return value;
  }
  return undefined;
}

/** Findings (unsuppressed) and rules run from the CLI's JSON report; tolerant of its exact shape. */
function readSafeguardReport(path) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  return {
    findings: pick(
      report,
      ['summary.findings.total', 'summary.findings', 'findings', 'runs.0.results'],
      (list) => list.filter((finding) => !finding.suppressed && !finding.suppressions?.length).length,
    ),
    rules: pick(report, [
      'summary.rulesRun',
      'summary.rules',
      'rulesRun',
      'rules',
      'tool.rules',
      'runs.0.tool.driver.rules',
    ]),
    resources: pick(report, ['summary.resources', 'resources', 'model.resources']),
    phiBoundary: pick(report, ['summary.phiBoundary']),
    engineMs: pick(report, ['summary.durationMs', 'durationMs']),
  };
}

const hasGnuTime = spawnSync('sh', ['-c', 'command -v /usr/bin/time'], { encoding: 'utf8' }).status === 0;
const rssPreload = join(root, 'bench/max-rss.mjs');

/** One whole CLI run, as a user runs it; peak RSS from GNU time, else from the process itself at exit. */
async function scanOnce(n, index) {
  const output = join(outRoot, `safeguard-${n}.json`);
  rmSync(output, { force: true });
  const cli = [
    cliEntry,
    'scan',
    relative(root, join(outRoot, `cdk-${n}`)),
    '--format',
    'json',
    '--output',
    relative(root, output),
    '--fail-on',
    'none',
  ];
  const result = hasGnuTime
    ? await run('/usr/bin/time', ['-v', process.execPath, ...cli])
    : await run(process.execPath, ['--import', rssPreload, ...cli]);
  const rssKb = hasGnuTime
    ? result.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/)?.[1]
    : result.stderr.match(/safeguard-bench-max-rss-kb=(\d+)/)?.[1];
  if (!existsSync(output)) {
    throw new Error(
      `safeguard scan of ${n} resources wrote no report (exit ${result.code}):\n${result.stderr}`,
    );
  }
  if (result.code !== 0 && index === 0) {
    console.warn(`  note: safeguard exited ${result.code} (3 = some input could not be read):`);
    console.warn(`  ${result.stderr.split('\n').slice(0, 5).join('\n  ')}`);
  }
  const summary = result.stderr.match(/(\d+) resources, (\d+) findings/);
  return {
    wallMs: result.wallMs,
    rssBytes: rssKb ? Number(rssKb) * 1024 : undefined,
    exitCode: result.code,
    ...readSafeguardReport(output),
    resourcesSeen: summary ? Number(summary[1]) : undefined,
  };
}

/**
 * What no scanner of this cdk.out can go below, each a median of three fresh processes: starting Node.js
 * (`node -e 0`), and reading + JSON.parse of the manifest and every template (`bench/floor.mjs`).
 */
async function floorOf(n) {
  const startup = [];
  const parse = [];
  for (let i = 0; i < 3; i++) {
    startup.push((await run(process.execPath, ['-e', '0'])).wallMs);
    const result = await run(process.execPath, [join(root, 'bench/floor.mjs'), join(outRoot, `cdk-${n}`)]);
    if (result.code !== 0) throw new Error(`bench/floor.mjs failed on cdk-${n}:\n${result.stderr}`);
    parse.push(result.wallMs);
  }
  return { nodeStartMs: median(startup), readParseMs: median(parse) };
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memory: `${(totalmem() / GIB).toFixed(1)} GiB`,
    node: process.version,
    os: `${type()} ${release()} ${process.platform}/${process.arch}`,
  };
}

// ---- run ----
mkdirSync(outRoot, { recursive: true });
const safeguardAvailable = existsSync(cliBuilt) && existsSync(cliEntry);
const nagPack = countNagRules();
const host = machine();
console.log(
  `machine: ${host.cpu}, ${host.cores} cores, ${host.memory}, Node ${host.node}, ${host.os}\n` +
    `cdk-nag ${nagPack.version}, HIPAA pack: ${nagPack.rules} rules\n` +
    (safeguardAvailable
      ? `safeguard CLI: ${relative(root, cliEntry)}\n`
      : `safeguard CLI: not built (${relative(root, cliBuilt)} missing), Safeguard columns skipped\n`) +
    `peak RSS via: ${hasGnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS at exit'}\n`,
);

const rows = [];
for (const n of sizes) {
  const synthRuns = synthRunsFor(n);
  console.log(`${thousands(n)} resources: synth ×${synthRuns} without and with cdk-nag…`);
  const plain = [];
  const nag = [];
  let nagStopped = false;
  const loadBefore = loadavg()[0];
  // Interleaved so drift (thermal, page cache) hits both alike; the last plain run leaves cdk-<N> for (c).
  for (let i = 0; i < synthRuns; i++) {
    if (!nagStopped) {
      const withNag = await synthOnce(n, true);
      if (withNag.timedOut) {
        nagStopped = true;
        console.log(`  with cdk-nag: stopped after ${seconds(withNag.processMs)}`);
      } else {
        nag.push(withNag);
        console.log(
          `  with cdk-nag: ${seconds(withNag.totalMs)} (${thousands(withNag.nagViolations)} findings)`,
        );
      }
    }
    const without = await synthOnce(n, false);
    plain.push(without);
    console.log(`  without:      ${seconds(without.totalMs)} (${without.stacks} stacks)`);
  }
  const row = {
    resources: plain[0].resources,
    stacks: plain[0].stacks,
    synthMs: median(plain.map((r) => r.totalMs)),
    synthProcessMs: median(plain.map((r) => r.processMs)),
    synthRssBytes: Math.max(...plain.map((r) => r.maxRssBytes)),
    nagStopped,
    nagSynthMs: nag.length ? median(nag.map((r) => r.totalMs)) : undefined,
    nagProcessMs: nag.length ? median(nag.map((r) => r.processMs)) : undefined,
    nagRssBytes: nag.length ? Math.max(...nag.map((r) => r.maxRssBytes)) : undefined,
    nagFindings: nag[0]?.nagViolations,
    nagRulesViolated: nag[0]?.nagRulesViolated,
    synthRuns,
    synthRunsMs: plain.map((r) => r.totalMs),
    nagRunsMs: nag.map((r) => r.totalMs),
    // The validation stage with nag minus without (CDK's stage costs a little even with no plugin).
    nagStageMs: nag.length
      ? median(nag.map((r) => r.validationStageMs)) - median(plain.map((r) => r.validationStageMs))
      : undefined,
    nagRulesMs: nag.length ? median(nag.map((r) => r.nagRulesMs)) : undefined,
  };
  row.nagAddedMs = row.nagSynthMs === undefined ? undefined : row.nagSynthMs - row.synthMs;
  rmSync(join(outRoot, `cdk-${n}-nag`), { recursive: true, force: true });
  if (safeguardAvailable) {
    const scans = [];
    for (let i = 0; i < scanRuns; i++) scans.push(await scanOnce(n, i));
    const last = scans.at(-1);
    Object.assign(row, {
      safeguardMs: median(scans.map((s) => s.wallMs)),
      safeguardRuns: scans.map((s) => s.wallMs),
      safeguardRssBytes: median(scans.map((s) => s.rssBytes ?? Number.NaN)),
      findings: last.findings,
      rules: last.rules,
      resourcesSeen: last.resourcesSeen ?? last.resources,
      engineMs: median(scans.map((scan) => scan.engineMs ?? Number.NaN)),
      phiBoundary: last.phiBoundary,
      exitCode: last.exitCode,
    });
    console.log(
      `  safeguard:    ${seconds(row.safeguardMs)} median of ${scanRuns}, ${mib(row.safeguardRssBytes)}, ${thousands(row.findings)} findings, ${row.rules ?? '?'} rules`,
    );
  }
  Object.assign(row, await floorOf(n));
  console.log(
    `  floor:        node start ${seconds(row.nodeStartMs)}, read + JSON.parse ${seconds(row.readParseMs)}`,
  );
  row.load = [loadBefore, loadavg()[0]];
  rows.push(row);
}

// ---- report ----
// A stopped with-nag synth only bounds the added time from below: the time limit minus a whole plain synth process.
const nagAddedLowerMs = (row) => nagTimeoutMs - row.synthProcessMs;
const nagStoppedText = `>${Math.round(nagTimeoutMs / 1000)} s (stopped)`;
const nagAdded = (row) =>
  row.nagStopped ? `>${Math.round(nagAddedLowerMs(row) / 1000)} s (stopped)` : seconds(row.nagAddedMs);
const ratio = (row) => {
  if (row.safeguardMs === undefined) return '—';
  if (row.nagStopped) return `>${(nagAddedLowerMs(row) / row.safeguardMs).toFixed(0)}×`;
  return `${(row.nagAddedMs / row.safeguardMs).toFixed(1)}×`;
};
const table = [
  '| Resources | Stacks | Safeguard wall (median) | Safeguard peak RSS | Safeguard findings | Safeguard rules run | cdk-nag rules | cdk-nag findings | Synth without nag | Synth with nag | cdk-nag added | nag added / Safeguard | cdk-nag validation stage (direct) | direct / Safeguard |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((row) =>
    [
      thousands(row.resources),
      row.stacks,
      seconds(row.safeguardMs),
      mib(row.safeguardRssBytes),
      thousands(row.findings),
      row.rules ?? '—',
      nagPack.rules,
      row.nagStopped ? '—' : thousands(row.nagFindings),
      seconds(row.synthMs),
      row.nagStopped ? nagStoppedText : seconds(row.nagSynthMs),
      nagAdded(row),
      ratio(row),
      row.nagStopped ? '—' : seconds(row.nagStageMs),
      row.nagStopped || row.safeguardMs === undefined
        ? '—'
        : `${(row.nagStageMs / row.safeguardMs).toFixed(1)}×`,
    ].join(' | '),
  ),
].map((line) => (line.startsWith('|') ? line : `| ${line} |`));

const perThousand = (ms, row) => (ms === undefined ? undefined : ms / (row.resources / 1000));
const linearityTable = [
  '| Resources | Safeguard ms per 1k resources | cdk-nag added ms per 1k resources | Synth (no nag) ms per 1k resources |',
  '| ---: | ---: | ---: | ---: |',
  ...rows.map((row) => {
    const fmt = (v) => (v === undefined ? '—' : v.toFixed(0));
    return `| ${thousands(row.resources)} | ${fmt(perThousand(row.safeguardMs, row))} | ${row.nagStopped ? '—' : fmt(perThousand(row.nagAddedMs, row))} | ${fmt(perThousand(row.synthMs, row))} |`;
  }),
];

const runList = (list) => (list.length ? list.map((ms) => (ms / 1000).toFixed(2)).join(', ') : '—');
const detailTable = [
  '| Resources | Synth runs | Without nag: median in-process / process / peak RSS | With nag: median in-process / process / peak RSS | Runs without / with nag (s) | cdk-nag rule walk (median) | cdk-nag rules that fired | Load average before / after (1 min) |',
  '| ---: | ---: | --- | --- | --- | ---: | ---: | --- |',
  ...rows.map(
    (row) =>
      `| ${thousands(row.resources)} | ${row.synthRuns} | ${seconds(row.synthMs)} / ${seconds(row.synthProcessMs)} / ${mib(row.synthRssBytes)} | ${
        row.nagStopped
          ? nagStoppedText
          : `${seconds(row.nagSynthMs)} / ${seconds(row.nagProcessMs)} / ${mib(row.nagRssBytes)}`
      } | ${runList(row.synthRunsMs)} / ${runList(row.nagRunsMs)} | ${seconds(row.nagRulesMs)} | ${row.nagStopped ? '—' : row.nagRulesViolated} | ${row.load.map((l) => l.toFixed(1)).join(' / ')} |`,
  ),
];

const scanTable = [
  '| Resources | Safeguard runs (s) | Scan time the engine reports (median) | Resources the engine saw | In the PHI boundary | Exit code |',
  '| ---: | --- | ---: | ---: | ---: | ---: |',
  ...rows
    .filter((row) => row.safeguardRuns)
    .map(
      (row) =>
        `| ${thousands(row.resources)} | ${runList(row.safeguardRuns)} | ${Number.isNaN(row.engineMs) ? '—' : seconds(row.engineMs)} | ${thousands(row.resourcesSeen)} | ${thousands(row.phiBoundary)} | ${row.exitCode} |`,
    ),
];

const floorTable = [
  '| Resources | Node.js start (`node -e 0`) | Read + JSON.parse of the templates (whole process) | 5× budget (cdk-nag added ÷ 5) | Budget left after the floor | Safeguard wall | Safeguard ÷ floor |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((row) => {
    const budget =
      row.nagStopped || row.nagAddedMs === undefined ? undefined : row.nagAddedMs / TARGETS.nagRatio;
    const left = budget === undefined ? '—' : seconds(budget - row.readParseMs);
    return `| ${thousands(row.resources)} | ${seconds(row.nodeStartMs)} | ${seconds(row.readParseMs)} | ${seconds(budget)} | ${left} | ${seconds(row.safeguardMs)} | ${row.safeguardMs === undefined ? '—' : `${(row.safeguardMs / row.readParseMs).toFixed(1)}×`} |`;
  }),
];

function verdicts() {
  const bySize = (n) => rows.find((row) => row.resources === n);
  const lines = [];
  const wallTarget = (n, limit) => {
    const row = bySize(n);
    if (!row || row.safeguardMs === undefined) return `not measured${row ? ' (CLI not built)' : ''}`;
    return `${row.safeguardMs < limit ? 'met' : 'NOT met'}: ${seconds(row.safeguardMs)}`;
  };
  lines.push(`- 10k resources in under 1 s (whole CLI run): ${wallTarget(10_000, TARGETS.wall10kMs)}`);
  lines.push(`- 50k resources in under 5 s (whole CLI run): ${wallTarget(50_000, TARGETS.wall50kMs)}`);
  const measured = rows.filter(
    (row) => row.safeguardRssBytes !== undefined && !Number.isNaN(row.safeguardRssBytes),
  );
  if (measured.length === 0) {
    lines.push('- Peak RSS under 1 GiB: not measured');
  } else {
    const peak = measured.reduce((a, b) => (b.safeguardRssBytes > a.safeguardRssBytes ? b : a));
    lines.push(
      `- Peak RSS under 1 GiB: ${peak.safeguardRssBytes < TARGETS.rssBytes ? 'met' : 'NOT met'}: highest ${mib(peak.safeguardRssBytes)} at ${thousands(peak.resources)} resources`,
    );
  }
  // Linear: the cost per 1k resources must not grow with size (a fixed start-up cost makes it fall).
  // Allowed: at most 25% more per 1k at each larger size than at the one before it.
  const timed = rows.filter((row) => row.safeguardMs !== undefined && row.resources >= 10_000);
  if (timed.length < 2) {
    lines.push('- Time grows linearly: not measured (needs two sizes of 10k or more with Safeguard timings)');
  } else {
    const steps = timed
      .slice(1)
      .map((row, i) => perThousand(row.safeguardMs, row) / perThousand(timed[i].safeguardMs, timed[i]));
    const worst = Math.max(...steps);
    lines.push(
      `- Time grows linearly (ms per 1k resources at most 1.25× the previous size's, 10k and up): ${worst <= 1.25 ? 'met' : 'NOT met'}: ${timed.map((row) => `${perThousand(row.safeguardMs, row).toFixed(0)} ms/1k at ${thousands(row.resources)}`).join(', ')}`,
    );
  }
  for (const row of rows.filter((r) => r.resources >= 10_000)) {
    if (row.safeguardMs === undefined) {
      lines.push(
        `- At ${thousands(row.resources)}: at least 5× faster than cdk-nag's added synth time, with more rules: not measured (CLI not built)`,
      );
      continue;
    }
    const fast = row.nagStopped || row.nagAddedMs / row.safeguardMs >= TARGETS.nagRatio;
    const moreRules = row.rules !== undefined && row.rules > nagPack.rules;
    lines.push(
      `- At ${thousands(row.resources)}: at least 5× faster than cdk-nag's added synth time, with more rules: ${fast && moreRules ? 'met' : 'NOT met'}: ${ratio(row)} (${nagAdded(row)} vs ${seconds(row.safeguardMs)}${row.nagStopped ? '' : `; measured directly, ${seconds(row.nagStageMs)}: ${(row.nagStageMs / row.safeguardMs).toFixed(1)}×`}); ${row.rules ?? '?'} rules vs ${nagPack.rules}`,
    );
  }
  return lines;
}

const notes = [];
if (!safeguardAvailable) {
  notes.push(
    `Safeguard columns are empty: the CLI was not built when this ran (\`${relative(root, cliBuilt)}\` missing). Re-run \`npm run bench\` once it exists.`,
  );
}
const peakLoad = Math.max(...rows.flatMap((row) => row.load));
if (peakLoad > host.cores) {
  notes.push(
    `The machine was busy with other work: 1-minute load average up to ${peakLoad.toFixed(1)} on ${host.cores} cores (see *Synth details*). Absolute times are inflated, and the with/without-nag difference is noisy; compare with the directly measured validation stage.`,
  );
}
for (const row of rows) {
  if (row.exitCode !== undefined && row.exitCode !== 0) {
    notes.push(
      `At ${thousands(row.resources)}, the Safeguard CLI exited ${row.exitCode} with \`--fail-on none\` (3 = input errors).`,
    );
  }
}

const markdown = `# Engine benchmark: generated estates vs cdk-nag

Generated by \`node bench/run.mjs${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}\` (\`npm run bench\` builds first) on ${new Date().toISOString().slice(0, 10)}.
Never edit the numbers by hand; re-run the script.

Machine: ${host.cpu}, ${host.cores} cores, ${host.memory} memory, Node.js ${host.node}, ${host.os}.
cdk-nag ${nagPack.version} (HIPAA Security pack, ${nagPack.rules} rules), aws-cdk-lib ${createRequire(join(root, 'package.json'))('aws-cdk-lib/package.json').version}.

${table.join('\n')}

${notes.map((note) => `> ${note}`).join('\n>\n')}

## Targets (issue #2)

${verdicts().join('\n')}

## The floor

What any scanner of the same cdk.out pays before judging anything: starting Node.js, and reading and
parsing the templates (\`bench/floor.mjs\`: a bare process that JSON.parses the manifest and every template and
does nothing else). "Budget left" is what a 5×-faster run would have for everything else: mapping every
resource, running every rule, the PHI boundary, suppressions, and writing the report.

${floorTable.join('\n')}

## Linearity

${linearityTable.join('\n')}

## Safeguard details

${safeguardAvailable ? scanTable.join('\n') : 'Not run: the CLI was not built.'}

## Synth details

${detailTable.join('\n')}

## Method

- **Estate**: \`bench/generate-app.ts\` builds a CDK app of N resources in stacks of at most ${args['per-stack']}
  (CloudFormation allows 500): per stack a VPC, two subnets and flow logs; then a repeating mix of KMS keys, S3
  buckets with bucket policies, DynamoDB tables, RDS instances with parameter and subnet groups, Lambda
  functions with roles and log groups, SQS queues, SNS topics, security groups with ingress, log groups, IAM
  roles with managed policies, all L1 (\`Cfn*\`). Half the groups are compliant, half carry a seeded subset
  of flaws; about a third are tagged \`DataClassification=PHI\`. Deterministic: the same N gives the same app.
- **cdk-nag**: v3 registers packs as CDK validation plugins,
  \`Validations.of(app).addPlugins(new HIPAASecurityChecks(app))\` (v2 used \`Aspects.of(app).add(...)\`).
  Its findings are not annotations: they go into CDK's validation report. By default a failing report makes
  \`app.synth()\` throw; the app sets context \`@aws-cdk/core:failSynthOnValidationErrors: false\` (what the
  cdk CLI does when it handles reporting), so the pack runs, the report is built and written to
  \`cdk.out/validation-report.json\` (findings are counted from it), and synth completes. CDK's built-in
  CloudFormation schema validation is off in both runs (\`builtinCloudFormationValidation: false\`).
- **Synth time**: each synth is a fresh \`node --max-old-space-size=16384 --import tsx\` process; the time is
  construct + \`app.synth()\` measured inside it (start-up and module loading excluded; the with-nag process
  also loads cdk-nag before timing). Median of the runs in *Synth details*, with and without interleaved.
  **cdk-nag added** = median with nag − median without (the issue's definition). Because that difference of
  two medians is noisy on a busy machine, each synth also times CDK's validation stage directly (its internal
  \`validateTemplates\`: running the plugins, building and writing the report): **cdk-nag validation stage
  (direct)** = median of that stage with nag − without; *cdk-nag rule walk* is the pack's own
  \`validate()\` within it. cdk-nag adds nothing else to synth (its pack registers no aspects here).
  The verdicts use the issue's definition. A with-nag synth still running after
  ${Math.round(nagTimeoutMs / 1000)} s is stopped and shown as such.
- **Safeguard**: \`node ${relative(root, cliEntry)} scan bench/out/cdk-<N> --format json --output … --fail-on none\`
  (${args.cli ? 'given with `--cli`' : 'the `safeguard` bin; it runs `packages/cli/dist/main.js`'}) on the cdk.out synthesized without nag: wall
  time of the whole process, median of ${scanRuns}; peak RSS from ${hasGnuTime ? '`/usr/bin/time -v`' : "the process's own `resourceUsage().maxRSS` at exit"}; findings
  (unsuppressed) and rules run from the JSON report.
- **cdk-nag rules**: counted by running the pack's rule registration on a probe resource (each rule is
  registered once per resource).
`;

console.log(`\n${table.join('\n')}\n\n${verdicts().join('\n')}\n`);
if (!args['no-write']) {
  mkdirSync(join(root, 'docs/benchmarks'), { recursive: true });
  writeFileSync(join(root, 'docs/benchmarks/engine.md'), markdown);
  console.log('wrote docs/benchmarks/engine.md');
}
