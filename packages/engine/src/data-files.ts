/**
 * Where the engine's dated data files live (HIPAA-eligible services, runtimes, TLS policies, engine versions).
 * Relative to this module in the package (`src/` and `dist/` both sit beside `data/`); the bundled CLI, whose
 * modules all live in one file, names the folder through `globalThis.__SAFEGUARD_ENGINE_DATA__` instead.
 */
const override = (globalThis as { __SAFEGUARD_ENGINE_DATA__?: URL }).__SAFEGUARD_ENGINE_DATA__;
export const ENGINE_DATA_DIR: URL = override ?? new URL('../data/', import.meta.url);

export function engineDataFile(name: string): URL {
  return new URL(name, ENGINE_DATA_DIR);
}
