import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { buildCatalog } from './catalog.js';
import { CatalogError, type CatalogIssue } from './errors.js';
import type { Catalog } from './model.js';
import { type Control, FRAMEWORK_IDS, type Framework, type FrameworkId, type Requirement } from './model.js';
import {
  type ControlsFile,
  controlsFileSchema,
  type FrameworkFile,
  frameworkFileSchema,
  REQUIREMENT_ID_PATTERNS,
  REQUIREMENT_TYPES_BY_FRAMEWORK,
} from './schema.js';

/**
 * The shipped data directory. `src/` and `dist/` both sit one level below the package root, so the
 * same relative URL works from the sources (tests, `source` condition) and from the build.
 */
export const DEFAULT_DATA_DIR: URL =
  (globalThis as { __SAFEGUARD_CATALOG_DATA__?: URL }).__SAFEGUARD_CATALOG_DATA__ ??
  new URL('../data/', import.meta.url);

export const CONTROLS_FILE = 'controls.yaml';
export function frameworkFile(id: FrameworkId): string {
  return `frameworks/${id}.yaml`;
}

let defaultCatalog: Catalog | undefined;

/**
 * Loads, validates and cross-checks the catalog. Synchronous so callers (rules, reporters, the CLI)
 * can use it at module level. The default directory is loaded once per process; an explicit
 * directory is read afresh on every call (tests, custom catalogs).
 *
 * @throws CatalogError listing every problem found, each with file, line, entry and field.
 */
export function loadCatalog(dataDir?: string | URL): Catalog {
  if (dataDir === undefined) {
    defaultCatalog ??= loadCatalogFrom(DEFAULT_DATA_DIR);
    return defaultCatalog;
  }
  return loadCatalogFrom(dataDir);
}

function loadCatalogFrom(dataDir: string | URL): Catalog {
  const directory = dataDir instanceof URL ? fileURLToPath(dataDir) : resolve(dataDir);
  const issues: CatalogIssue[] = [];

  const frameworks = new Map<FrameworkId, Framework>();
  for (const id of FRAMEWORK_IDS) {
    const framework = loadFramework(directory, id, issues);
    if (framework) frameworks.set(id, framework);
  }
  const controls = loadControls(directory, frameworks, issues);

  if (issues.length > 0 || !controls || frameworks.size !== FRAMEWORK_IDS.length) {
    throw new CatalogError(issues);
  }
  return buildCatalog(frameworks, controls);
}

// ---------------------------------------------------------------------------------------------
// Reading and locating

/** A parsed YAML file; its document (for tracing problems back to lines) is parsed only when needed. */
interface YamlFile {
  readonly file: string;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  readonly data: unknown;
}

/**
 * The snapshot written by `npm run build` (`dist/catalog.snapshot.json`): the parsed data of every source
 * file, keyed by a hash of their text. Parsing YAML costs more than the rest of a 10k-resource scan's start-up,
 * so a build reuses the parse while the sources are unchanged; the data is validated exactly as parsed YAML is.
 */
const SNAPSHOT_FILE = new URL('../dist/catalog.snapshot.json', DEFAULT_DATA_DIR);

export function sourceHash(texts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\u0000');
  return hash.digest('hex');
}

let snapshot: { hash: string; files: Record<string, unknown> } | null | undefined;

function snapshotData(directory: string, file: string, text: string): unknown {
  if (resolve(directory) !== resolve(fileURLToPath(DEFAULT_DATA_DIR))) return undefined;
  if (snapshot === undefined) {
    try {
      snapshot = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8'));
    } catch {
      snapshot = null;
    }
  }
  if (!snapshot) return undefined;
  const files = [CONTROLS_FILE, ...FRAMEWORK_IDS.map(frameworkFile)];
  const texts = files.map((name) => (name === file ? text : safeRead(join(directory, name))));
  if (texts.some((item) => item === undefined) || sourceHash(texts as string[]) !== snapshot.hash)
    return undefined;
  return snapshot.files[file];
}

function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes the snapshot of the shipped data (called by the build, after validating the YAML). */
export function writeCatalogSnapshot(): string {
  const directory = fileURLToPath(DEFAULT_DATA_DIR);
  loadCatalogFrom(directory); // throws on invalid data: never snapshot what does not validate
  const files = [CONTROLS_FILE, ...FRAMEWORK_IDS.map(frameworkFile)];
  const texts = files.map((name) => readFileSync(join(directory, name), 'utf8'));
  const data: Record<string, unknown> = {};
  files.forEach((name, index) => {
    data[name] = parseDocument(texts[index] as string, { uniqueKeys: true }).toJS({ maxAliasCount: 100 });
  });
  writeFileSync(SNAPSHOT_FILE, JSON.stringify({ hash: sourceHash(texts), files: data }));
  return fileURLToPath(SNAPSHOT_FILE);
}

function readYaml(directory: string, file: string, issues: CatalogIssue[]): YamlFile | undefined {
  let text: string;
  try {
    text = readFileSync(join(directory, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    issues.push({
      file,
      message:
        code === 'ENOENT'
          ? `file not found in ${directory} (every catalog needs ${CONTROLS_FILE} and ${FRAMEWORK_IDS.map(frameworkFile).join(', ')})`
          : `cannot read file: ${(error as Error).message}`,
    });
    return undefined;
  }
  const cached = snapshotData(directory, file, text);
  if (cached !== undefined) {
    let parsedDoc: { doc: Document; lineCounter: LineCounter } | undefined;
    const parse = () => {
      if (!parsedDoc) {
        const lineCounter = new LineCounter();
        parsedDoc = {
          doc: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true }),
          lineCounter,
        };
      }
      return parsedDoc;
    };
    return {
      file,
      data: cached,
      get doc() {
        return parse().doc;
      },
      get lineCounter() {
        return parse().lineCounter;
      },
    };
  }

  const lineCounter = new LineCounter();
  // prettyErrors off: we locate errors ourselves and keep messages on one line.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      issues.push({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        message: `invalid YAML: ${error.message.split('\n')[0]}`,
      });
    }
    return undefined;
  }
  let data: unknown;
  try {
    // The alias limit guards against "billion laughs" expansion.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    issues.push({ file, message: `invalid YAML: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
  return { file, doc, lineCounter, data };
}

/** The line of the node at `path`, or of its nearest existing ancestor. */
function lineOf(yaml: YamlFile, path: readonly PropertyKey[]): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const keys = path.slice(0, length).map((key) => (typeof key === 'symbol' ? String(key) : key));
    const node = length === 0 ? yaml.doc.contents : yaml.doc.getIn(keys, true);
    if (isNode(node) && node.range) return yaml.lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** `citations.hipaa[2]` from `['citations', 'hipaa', 2]`. */
function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const key of path) {
    if (typeof key === 'number') name += `[${key}]`;
    else name += name === '' ? String(key) : `.${String(key)}`;
  }
  return name;
}

/**
 * Describes the list entry a path points into: `control "backup"` for `['controls', 3, …]`, using
 * the entry's id when it has a readable one and its position otherwise.
 */
function entryAt(
  data: unknown,
  path: readonly PropertyKey[],
  listKey: string,
  noun: string,
): { entry?: string; rest: readonly PropertyKey[] } {
  const [first, index, ...rest] = path;
  if (first !== listKey || typeof index !== 'number') return { rest: path };
  const list = isRecord(data) ? data[listKey] : undefined;
  const item = Array.isArray(list) ? list[index] : undefined;
  const id = isRecord(item) ? item.id : undefined;
  const entry = typeof id === 'string' && id.trim() !== '' ? `${noun} "${id}"` : `${noun} #${index + 1}`;
  return { entry, rest };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function schemaIssues(
  yaml: YamlFile,
  error: z.ZodError,
  listKey: string,
  noun: string,
  issues: CatalogIssue[],
): void {
  for (const zodIssue of error.issues) {
    const { entry, rest } = entryAt(yaml.data, zodIssue.path, listKey, noun);
    const field = fieldName(rest);
    const what = [entry, field === '' ? undefined : `field "${field}"`].filter(Boolean).join(' ');
    const base: CatalogIssue = {
      file: yaml.file,
      line: lineOf(yaml, zodIssue.path),
      message: `${what === '' ? 'document' : what}: ${zodIssue.message}`,
    };
    issues.push({ ...base, ...(entry ? { entry } : {}), ...(field ? { field } : {}) });
  }
}

// ---------------------------------------------------------------------------------------------
// Frameworks

function loadFramework(directory: string, id: FrameworkId, issues: CatalogIssue[]): Framework | undefined {
  const file = frameworkFile(id);
  const yaml = readYaml(directory, file, issues);
  if (!yaml) return undefined;

  const parsed = frameworkFileSchema.safeParse(yaml.data);
  if (!parsed.success) {
    schemaIssues(yaml, parsed.error, 'requirements', 'requirement', issues);
    return undefined;
  }
  const before = issues.length;
  checkFramework(yaml, id, parsed.data, issues);
  if (issues.length > before) return undefined;

  const data = parsed.data;
  return {
    id,
    name: data.name,
    version: data.version,
    source: data.source,
    requirements: data.requirements.map((requirement): Requirement => ({ framework: id, ...requirement })),
  };
}

function checkFramework(yaml: YamlFile, id: FrameworkId, data: FrameworkFile, issues: CatalogIssue[]): void {
  const file = yaml.file;
  const at = (index: number, field?: string) =>
    lineOf(yaml, ['requirements', index, ...(field ? [field] : [])]);

  if (data.id !== id) {
    issues.push({
      file,
      line: lineOf(yaml, ['id']),
      field: 'id',
      message: `field "id" is "${data.id}" but the file is ${file}; the id must be "${id}"`,
    });
  }

  const { pattern, example } = REQUIREMENT_ID_PATTERNS[id];
  const allowedTypes = REQUIREMENT_TYPES_BY_FRAMEWORK[id];
  const firstIndex = new Map<string, number>();
  data.requirements.forEach((requirement, index) => {
    const entry = `requirement "${requirement.id}"`;
    if (!pattern.test(requirement.id)) {
      issues.push({
        file,
        line: at(index, 'id'),
        entry,
        field: 'id',
        message: `${entry}: id is not written as ${id} writes requirement ids (e.g. "${example}")`,
      });
    }
    const earlier = firstIndex.get(requirement.id);
    if (earlier === undefined) firstIndex.set(requirement.id, index);
    else {
      issues.push({
        file,
        line: at(index, 'id'),
        entry,
        field: 'id',
        message: `${entry}: duplicate id (first defined at line ${at(earlier, 'id') ?? '?'})`,
      });
    }
    if (!allowedTypes.includes(requirement.type)) {
      issues.push({
        file,
        line: at(index, 'type'),
        entry,
        field: 'type',
        message: `${entry}: field "type" is "${requirement.type}"; ${id} requirements are of type ${allowedTypes.map((t) => `"${t}"`).join(' or ')}`,
      });
    }
    if (id !== 'hipaa' && requirement.requirement !== undefined) {
      issues.push({
        file,
        line: at(index, 'requirement'),
        entry,
        field: 'requirement',
        message: `${entry}: field "requirement" (required/addressable) is a HIPAA marking; remove it from ${file}`,
      });
    }
  });

  const byId = new Map(data.requirements.map((requirement) => [requirement.id, requirement]));
  const hasChildren = new Set<string>();
  data.requirements.forEach((requirement, index) => {
    if (requirement.parent === undefined) return;
    const entry = `requirement "${requirement.id}"`;
    const parent = byId.get(requirement.parent);
    if (!parent || requirement.parent === requirement.id) {
      issues.push({
        file,
        line: at(index, 'parent'),
        entry,
        field: 'parent',
        message: `${entry}: parent "${requirement.parent}" is not a requirement in ${file}`,
      });
    } else if (id === 'hipaa' && parent.type !== 'standard') {
      issues.push({
        file,
        line: at(index, 'parent'),
        entry,
        field: 'parent',
        message: `${entry}: parent "${requirement.parent}" is a ${parent.type}; an implementation specification belongs to a standard`,
      });
    } else hasChildren.add(requirement.parent);
  });

  if (id === 'hipaa') checkHipaaMarkings(yaml, data, hasChildren, issues);
}

/**
 * R-CAT-1: every implementation specification is marked Required or Addressable, and a standard
 * without specifications is Required (it is its own specification; 45 CFR Part 164 Subpart C,
 * Appendix A). A standard with specifications carries no marking of its own.
 */
function checkHipaaMarkings(
  yaml: YamlFile,
  data: FrameworkFile,
  hasChildren: ReadonlySet<string>,
  issues: CatalogIssue[],
): void {
  data.requirements.forEach((requirement, index) => {
    const entry = `requirement "${requirement.id}"`;
    const line = (field: string) => lineOf(yaml, ['requirements', index, field]);
    const push = (field: string, message: string) =>
      issues.push({ file: yaml.file, line: line(field), entry, field, message: `${entry}: ${message}` });

    if (requirement.type === 'specification') {
      if (requirement.parent === undefined)
        push('parent', 'an implementation specification needs "parent" (its standard)');
      if (requirement.requirement === undefined) {
        push(
          'requirement',
          'an implementation specification needs "requirement: required" or "requirement: addressable"',
        );
      }
      return;
    }
    if (requirement.parent !== undefined) push('parent', 'a standard has no parent');
    if (hasChildren.has(requirement.id)) {
      if (requirement.requirement !== undefined) {
        push(
          'requirement',
          'a standard with implementation specifications carries no marking; mark its specifications',
        );
      }
    } else if (requirement.requirement !== 'required') {
      push(
        'requirement',
        'a standard without implementation specifications is its own specification: "requirement: required"',
      );
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Controls

function loadControls(
  directory: string,
  frameworks: ReadonlyMap<FrameworkId, Framework>,
  issues: CatalogIssue[],
): Control[] | undefined {
  const yaml = readYaml(directory, CONTROLS_FILE, issues);
  if (!yaml) return undefined;

  const parsed = controlsFileSchema.safeParse(yaml.data);
  if (!parsed.success) {
    schemaIssues(yaml, parsed.error, 'controls', 'control', issues);
    return undefined;
  }
  const before = issues.length;
  checkControls(yaml, parsed.data, frameworks, issues);
  if (issues.length > before) return undefined;

  return parsed.data.controls.map((control) => ({
    id: control.id,
    title: control.title,
    description: control.description,
    basis: control.basis,
    citations: {
      hipaa: control.citations.hipaa,
      soc2: control.citations.soc2,
      gdpr: control.citations.gdpr,
      hitrust: control.citations.hitrust,
    },
  }));
}

function checkControls(
  yaml: YamlFile,
  data: ControlsFile,
  frameworks: ReadonlyMap<FrameworkId, Framework>,
  issues: CatalogIssue[],
): void {
  const file = yaml.file;
  const known = new Map<FrameworkId, ReadonlySet<string>>();
  for (const [id, framework] of frameworks) {
    known.set(id, new Set(framework.requirements.map((requirement) => requirement.id)));
  }

  const firstIndex = new Map<string, number>();
  data.controls.forEach((control, index) => {
    const entry = `control "${control.id}"`;
    const earlier = firstIndex.get(control.id);
    if (earlier === undefined) firstIndex.set(control.id, index);
    else {
      issues.push({
        file,
        line: lineOf(yaml, ['controls', index, 'id']),
        entry,
        field: 'id',
        message: `${entry}: duplicate id (first defined at line ${lineOf(yaml, ['controls', earlier, 'id']) ?? '?'})`,
      });
    }

    for (const framework of FRAMEWORK_IDS) {
      // A framework file that failed to load has reported its own problems; checking citations
      // against it would only add noise.
      const ids = known.get(framework);
      if (!ids) continue;
      const seen = new Set<string>();
      control.citations[framework].forEach((citation, position) => {
        const path = ['controls', index, 'citations', framework, position];
        const field = fieldName(path.slice(2));
        // The line is looked up only for a problem: locating it parses the YAML the snapshot spared.
        const base = () => ({ file, line: lineOf(yaml, path), entry, field });
        if (!ids.has(citation)) {
          issues.push({
            ...base(),
            message: `${entry} cites ${framework} "${citation}" which is not in ${frameworkFile(framework)}`,
          });
        } else if (seen.has(citation)) {
          issues.push({ ...base(), message: `${entry} cites ${framework} "${citation}" twice` });
        }
        seen.add(citation);
      });
    }
  });
}
