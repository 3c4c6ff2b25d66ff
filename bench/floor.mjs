/**
 * The floor under any scanner of a cdk.out, measured for the engine benchmark: a bare Node.js process that reads
 * the cloud assembly's manifest and every stack template and parses them with JSON.parse — and does nothing else
 * (no model, no rules, no report). `node bench/floor.mjs bench/out/cdk-10000` prints the resource count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
let resources = 0;
for (const artifact of Object.values(manifest.artifacts ?? {})) {
  if (artifact.type !== 'aws:cloudformation:stack') continue;
  const template = JSON.parse(readFileSync(join(dir, artifact.properties.templateFile), 'utf8'));
  resources += Object.keys(template.Resources ?? {}).length;
}
console.log(resources);
