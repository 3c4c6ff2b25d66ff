import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

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

/**
 * The snapshot `npm run build` writes (`dist/data.snapshot.json`): each data file's parsed YAML keyed by the
 * hash of its text. A CloudFormation or plan scan then never loads the YAML parser; an edited file no longer
 * matches its hash and is parsed afresh, so the snapshot can never serve stale data.
 */
const SNAPSHOT_FILE = new URL('../dist/data.snapshot.json', ENGINE_DATA_DIR);
type Snapshot = Record<string, { readonly hash: string; readonly data: unknown }>;
let snapshot: Snapshot | null | undefined;

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The parsed contents of a data file (YAML), from the build's snapshot while the file is unchanged. */
export function readDataFile(name: string): unknown {
  const text = readFileSync(engineDataFile(name), 'utf8');
  if (snapshot === undefined) {
    try {
      snapshot = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Snapshot;
    } catch {
      snapshot = null;
    }
  }
  const entry = snapshot?.[name];
  if (entry && entry.hash === hashOf(text)) return entry.data;
  return parse(text);
}

/** Writes the snapshot of every data file (a build step); returns its path. */
export function writeDataSnapshot(): string {
  const directory = fileURLToPath(ENGINE_DATA_DIR);
  const out: Record<string, { hash: string; data: unknown }> = {};
  for (const name of readdirSync(directory)
    .filter((file) => file.endsWith('.yaml'))
    .sort()) {
    const text = readFileSync(new URL(name, ENGINE_DATA_DIR), 'utf8');
    const data = parse(text);
    assertJson(data, `data/${name}`);
    out[name] = { hash: hashOf(text), data };
  }
  writeFileSync(SNAPSHOT_FILE, JSON.stringify(out));
  snapshot = undefined;
  return fileURLToPath(SNAPSHOT_FILE);
}

/** Only JSON values can be snapshotted faithfully (the core YAML schema yields no dates, but say so if one came). */
function assertJson(value: unknown, where: string): void {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) assertJson(item, `${where}[${index}]`);
  } else if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) assertJson(item, `${where}.${key}`);
  } else throw new Error(`${where}: not representable as JSON`);
}
