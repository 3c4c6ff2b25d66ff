import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { InlineSuppression, InputError } from '../../../model/resource.js';
import { decodeText, fileErrorReason, jsonErrorOf } from '../../input-text.js';
import { type BlockPosition, blockPositions, parseHcl } from './source.js';

/**
 * The static configuration of one module directory, read once however many instances it has: its
 * `*.tf`/`*.tf.json` files parsed (concurrently) and its blocks indexed with file and line.
 */
export interface ModuleConfig {
  readonly dir: string;
  readonly variables: Map<string, Declared>;
  readonly locals: Map<string, Declared>;
  readonly outputs: Map<string, Declared>;
  readonly resources: ResourceConfig[];
  readonly resourceIndex: Map<string, ResourceConfig>;
  readonly dataSources: Set<string>;
  /** Data blocks by `type.name` (first declaration), for the few data sources Terraform computes offline. */
  readonly dataBlocks: Map<string, ResourceConfig>;
  readonly calls: Map<string, ModuleCall>;
  readonly providers: ProviderConfig[];
}

export interface Declared {
  readonly raw: unknown;
  readonly file: string;
  readonly line?: number;
}

export interface ResourceConfig {
  readonly type: string;
  readonly name: string;
  readonly body: Record<string, unknown>;
  readonly file: string;
  readonly line?: number;
  readonly suppressions: readonly InlineSuppression[];
}

export interface ModuleCall {
  readonly name: string;
  readonly body: Record<string, unknown>;
  readonly file: string;
  readonly line?: number;
  /** The parsed child module, when the source is a local directory that could be read. */
  child?: ModuleConfig;
  /** Why the call is not followed (remote source, missing directory). */
  problem?: string;
}

export interface ProviderConfig {
  readonly key: string;
  readonly body: Record<string, unknown>;
}

export interface ConfigLoader {
  readonly cwd: string;
  readonly errors: InputError[];
  readonly inputs: string[];
  load(dir: string): Promise<ModuleConfig>;
}

export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** hcl2json wraps every block body in a list; `.tf.json` may write a single object. */
function bodies(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/** Local module sources start with `./` or `../` (Terraform's rule); anything else is fetched by init. */
export function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';
}

interface ParsedFile {
  readonly display: string;
  readonly body: Record<string, unknown>;
  readonly positions: Map<string, BlockPosition[]>;
  readonly override: boolean;
}

export function createConfigLoader(cwd: string): ConfigLoader {
  const cache = new Map<string, Promise<ModuleConfig>>();
  const errors: InputError[] = [];
  const inputs: string[] = [];

  async function readModuleFile(path: string): Promise<ParsedFile | undefined> {
    const display = displayPath(cwd, path);
    const name = path.split(/[\\/]/).pop() ?? path;
    const override = /(^|_)override\.tf(\.json)?$/.test(name);
    let text: string;
    try {
      const read = decodeText(await readFile(path));
      if ('reason' in read) {
        errors.push({ file: display, message: read.reason });
        return undefined;
      }
      text = read.text;
    } catch (error) {
      errors.push({ file: display, message: fileErrorReason(error) });
      return undefined;
    }
    inputs.push(display);
    if (path.endsWith('.json')) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        errors.push({ file: display, ...jsonErrorOf(text, error) });
        return undefined;
      }
      if (!isObject(body)) {
        errors.push({
          file: display,
          line: 1,
          message: 'invalid Terraform JSON: the document is not an object',
        });
        return undefined;
      }
      return { display, body, positions: new Map(), override };
    }
    const parsed = await parseHcl(display, text);
    if (!parsed.ok) {
      errors.push({ file: display, line: parsed.line, message: parsed.message });
      return undefined;
    }
    return { display, body: parsed.body, positions: blockPositions(text, display), override };
  }

  async function loadUncached(dir: string, depth: number): Promise<ModuleConfig> {
    const config: ModuleConfig = {
      dir,
      variables: new Map(),
      locals: new Map(),
      outputs: new Map(),
      resources: [],
      resourceIndex: new Map(),
      dataSources: new Set(),
      dataBlocks: new Map(),
      calls: new Map(),
      providers: [],
    };
    let names: string[];
    try {
      names = (await readdir(dir, { withFileTypes: true }))
        .filter(
          (entry) =>
            (entry.isFile() || entry.isSymbolicLink()) &&
            (entry.name.endsWith('.tf') || entry.name.endsWith('.tf.json')),
        )
        .map((entry) => entry.name)
        .sort();
    } catch (error) {
      errors.push({
        file: displayPath(cwd, dir),
        message: `cannot read Terraform folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      });
      return config;
    }
    const files = (await Promise.all(names.map((name) => readModuleFile(join(dir, name))))).filter(
      (file): file is ParsedFile => file !== undefined,
    );
    // Override files (`override.tf`, `*_override.tf`) are merged after the others, attribute by attribute.
    for (const file of [...files.filter((f) => !f.override), ...files.filter((f) => f.override)]) {
      indexFile(config, file, errors);
    }
    await Promise.all(
      [...config.calls.values()].map(async (call) => {
        const source = call.body.source;
        if (typeof source !== 'string' || source.includes('${')) {
          call.problem = `module "${call.name}": "source" must be a literal string`;
        } else if (!isLocalSource(source)) {
          call.problem = `module "${call.name}": remote source "${source}" is not fetched; run terraform init and scan the plan JSON instead`;
        } else if (depth >= 32) {
          call.problem = `module "${call.name}": modules nest more than 32 deep (does a module call itself?)`;
        } else {
          const childDir = isAbsolute(source) ? source : resolve(dir, source);
          try {
            const entries = await readdir(childDir);
            if (!entries.some((name) => name.endsWith('.tf') || name.endsWith('.tf.json'))) {
              call.problem = `module "${call.name}": local source "${source}" has no .tf files`;
            } else if (waitsFor(resolve(childDir), dir)) {
              // Awaiting a load that is itself awaiting this one would never settle.
              call.problem = `module "${call.name}": local source "${source}" calls this module back (a module cycle)`;
            } else {
              addWait(dir, resolve(childDir));
              call.child = await load(childDir, depth + 1);
            }
          } catch {
            call.problem = `module "${call.name}": local source "${source}" does not exist (${displayPath(cwd, childDir)})`;
          }
        }
        if (call.problem) errors.push({ file: call.file, line: call.line, message: call.problem });
      }),
    );
    return config;
  }

  // Which module folders each folder still being loaded is waiting for: a call that would close a loop
  // of waits is a module cycle, reported instead of awaited (it would never settle).
  const inProgress = new Set<string>();
  const waiting = new Map<string, Set<string>>();
  function addWait(from: string, to: string): void {
    const targets = waiting.get(from) ?? new Set<string>();
    targets.add(to);
    waiting.set(from, targets);
  }
  function waitsFor(from: string, target: string): boolean {
    if (from === target) return true;
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const current = stack.pop() as string;
      if (current === target) return true;
      if (seen.has(current) || !inProgress.has(current)) continue;
      seen.add(current);
      for (const next of waiting.get(current) ?? []) stack.push(next);
    }
    return false;
  }

  function load(dir: string, depth = 0): Promise<ModuleConfig> {
    const key = resolve(dir);
    let pending = cache.get(key);
    if (!pending) {
      inProgress.add(key);
      pending = loadUncached(key, depth).finally(() => inProgress.delete(key));
      cache.set(key, pending);
    }
    return pending;
  }

  return { cwd, errors, inputs, load: (dir) => load(dir) };
}

function indexFile(config: ModuleConfig, file: ParsedFile, errors: InputError[]): void {
  const { body, display } = file;
  const used = new Map<string, number>();
  const position = (key: string): BlockPosition | undefined => {
    const index = used.get(key) ?? 0;
    used.set(key, index + 1);
    return file.positions.get(key)?.[index];
  };
  for (const [name, value] of Object.entries(isObject(body.variable) ? body.variable : {})) {
    const [first] = bodies(value);
    if (first)
      config.variables.set(name, { raw: first, file: display, line: position(`variable.${name}`)?.line });
  }
  for (const block of bodies(body.locals)) {
    for (const [name, raw] of Object.entries(block)) {
      if (config.locals.has(name) && !file.override) {
        errors.push({ file: display, message: `local.${name} is defined more than once` });
        continue;
      }
      config.locals.set(name, { raw, file: display, line: file.positions.get(`local.${name}`)?.[0]?.line });
    }
  }
  for (const [name, value] of Object.entries(isObject(body.output) ? body.output : {})) {
    const [first] = bodies(value);
    if (first)
      config.outputs.set(name, { raw: first.value, file: display, line: position(`output.${name}`)?.line });
  }
  for (const [type, byName] of Object.entries(isObject(body.resource) ? body.resource : {})) {
    if (!isObject(byName)) continue;
    for (const [name, value] of Object.entries(byName)) {
      for (const resourceBody of bodies(value)) {
        const key = `${type}.${name}`;
        const at = position(`resource.${key}`);
        const existing = config.resourceIndex.get(key);
        if (existing) {
          if (file.override) Object.assign(existing.body, resourceBody);
          else
            errors.push({
              file: display,
              line: at?.line,
              message: `resource "${type}" "${name}" is declared more than once`,
            });
          continue;
        }
        const resource: ResourceConfig = {
          type,
          name,
          body: { ...resourceBody },
          file: display,
          line: at?.line,
          suppressions: at?.suppressions ?? [],
        };
        config.resources.push(resource);
        config.resourceIndex.set(key, resource);
      }
    }
  }
  for (const [type, byName] of Object.entries(isObject(body.data) ? body.data : {})) {
    if (!isObject(byName)) continue;
    for (const [name, value] of Object.entries(byName)) {
      const key = `${type}.${name}`;
      config.dataSources.add(key);
      const [first] = bodies(value);
      if (!first || config.dataBlocks.has(key)) continue;
      const at = position(`data.${key}`);
      config.dataBlocks.set(key, {
        type,
        name,
        body: { ...first },
        file: display,
        line: at?.line,
        suppressions: [],
      });
    }
  }
  for (const [name, value] of Object.entries(isObject(body.module) ? body.module : {})) {
    const [first] = bodies(value);
    if (!first) continue;
    const at = position(`module.${name}`);
    const existing = config.calls.get(name);
    if (existing) {
      if (file.override) Object.assign(existing.body, first);
      else
        errors.push({
          file: display,
          line: at?.line,
          message: `module "${name}" is declared more than once`,
        });
      continue;
    }
    config.calls.set(name, { name, body: { ...first }, file: display, line: at?.line });
  }
  for (const [name, value] of Object.entries(isObject(body.provider) ? body.provider : {})) {
    for (const providerBody of bodies(value)) {
      const alias = providerBody.alias;
      config.providers.push({
        key: typeof alias === 'string' ? `${name}.${alias}` : name,
        body: providerBody,
      });
    }
  }
}
