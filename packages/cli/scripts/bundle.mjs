// Build step: bundles the CLI into one ES module. Loading ~400 small modules cost ~0.5 s of every run; one
// file loads in a fraction of that (the engine's speed targets are for the whole CLI run). Data files stay
// in their packages: the banner tells the bundled engine and catalog where `data/` is.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../src/main.ts', import.meta.url).pathname],
  outfile: new URL('../dist/safeguard.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  // The WASM HCL parser is loaded on demand and finds its .wasm beside its own module.
  external: ['@cdktf/hcl2json', '@safeguard/controls'],
  sourcemap: 'linked',
  logLevel: 'warning',
  banner: {
    js: [
      "import { createRequire as __safeguardCreateRequire } from 'node:module';",
      'const require = __safeguardCreateRequire(import.meta.url);',
      "globalThis.__SAFEGUARD_ENGINE_DATA__ = new URL('../../engine/data/', import.meta.url);",
      "globalThis.__SAFEGUARD_CATALOG_DATA__ = new URL('../../catalog/data/', import.meta.url);",
    ].join('\n'),
  },
});
