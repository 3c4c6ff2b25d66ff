#!/usr/bin/env node
// The bundled CLI (one module, fast start) when built; the per-module build otherwise.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/safeguard.mjs', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/main.js');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
