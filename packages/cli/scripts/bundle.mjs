// Build step: bundles the CLI into one ES module. Loading ~400 small modules cost ~0.5 s of every run; one
// file loads in a fraction of that (the engine's speed targets are for the whole CLI run). Data files stay
// in their packages: the banner tells the bundled engine and catalog where `data/` is.
import { build } from 'esbuild';

/**
 * zod bundles the error messages of ~50 languages behind one `locales` namespace export that esbuild cannot
 * tree-shake; the CLI uses English only (zod's default), so the namespace is reduced to `en`. About 360 kB
 * less JavaScript to read and parse on every run.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(builder) {
    builder.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-locales' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: new URL('../../../node_modules/zod/v4/locales/', import.meta.url).pathname,
      loader: 'js',
    }));
  },
};

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
  // Whitespace and syntax only: identifiers stay, so a --debug stack trace still names functions.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [zodEnglishOnly],
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
