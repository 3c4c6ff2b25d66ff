import { fileURLToPath } from 'node:url';
import { buildReferenceApp } from './app.js';

// Writes examples/reference-app/cdk.out offline: no credentials, no network, no cdk CLI.
const outdir = fileURLToPath(new URL('../cdk.out', import.meta.url));
const started = performance.now();
const { app } = buildReferenceApp({ outdir, nag: true });
const assembly = app.synth();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `Synthesized ${assembly.stacks.map((stack) => stack.stackName).join(', ')} to ${outdir} in ${seconds}s`,
);
