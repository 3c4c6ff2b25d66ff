import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve as resolvePath, sep } from 'node:path';
import type { InputError, Resource } from '../../model/resource.js';
import { isUnknown } from '../../model/values.js';
import { jsonErrorOf, readInputText } from '../input-text.js';
import {
  type BuildOutput,
  buildCanonicalResources,
  ExportTable,
  type TemplateUnit,
  unitResolver,
} from './build.js';
import { type ParsedTemplate, parseTemplate } from './parse.js';
import { asRecord, type TemplateResolver } from './resolve.js';

export interface CloudFormationOptions {
  /** Parameter values (`--param Key=Value`), applied to every top-level template that declares them. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Pseudo parameter values, e.g. `{ 'AWS::Region': 'us-east-1' }`. */
  readonly pseudo?: Readonly<Record<string, string>>;
  /** Base for display paths in findings (default: the working directory). */
  readonly cwd?: string;
  /**
   * The folder named for the scan (default: the template's own folder): a remote nested-stack template may be
   * matched to a local file anywhere inside it, never outside.
   */
  readonly root?: string;
  /** Exports of the scan's other template files ({@link declareExports}), for their `Fn::ImportValue`. */
  readonly exports?: ExportTable;
}

export interface AdapterOutput {
  readonly resources: Resource[];
  readonly errors: InputError[];
  readonly inputs: string[];
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function readText(path: string, shown: string): { text: string } | { error: InputError } {
  const read = readInputText(path);
  return 'text' in read ? read : { error: { file: shown, message: read.reason } };
}

/** Whether `path` is `root` or inside it (after resolving `..`). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Where a nested stack was declared, for errors about its template. */
interface NestedVia {
  readonly file: string;
  readonly line?: number;
  readonly logicalId: string;
}

/**
 * Builds the units; a template nested too deeply for the resolver's recursion is reported with its file
 * and the other units are still built (each on its own, on this failure path only).
 */
function buildUnits(units: readonly TemplateUnit[], exports?: ExportTable): BuildOutput {
  try {
    return buildCanonicalResources(units, undefined, exports);
  } catch (error) {
    if (units.length <= 1) {
      const unit = units[0];
      return {
        resources: [],
        errors: [{ file: unit?.template.file ?? '?', message: failureReason(error) }],
      };
    }
    const resources: Resource[] = [];
    const errors: InputError[] = [];
    for (const unit of units) {
      const built = buildUnits([unit], exports);
      resources.push(...built.resources);
      errors.push(...built.errors);
    }
    return { resources, errors };
  }
}

function failureReason(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return 'nested too deeply to evaluate (intrinsic functions or values nest thousands of levels)';
  return `could not be evaluated: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Collects a template and, recursively, the nested stacks it declares whose templates are local files
 * (CDK nested stacks via `aws:asset:path`; packaged templates via a relative `TemplateURL`).
 */
function collectUnits(
  absolutePath: string,
  options: CloudFormationOptions,
  stackName: string,
  parameterValues: Readonly<Record<string, unknown>>,
  assetRoot: string | undefined,
  units: TemplateUnit[],
  errors: InputError[],
  seen: Set<string>,
  parsedCache?: ParsedTemplate,
  via?: NestedVia,
  ancestors: ReadonlySet<string> = new Set(),
): void {
  const cwd = options.cwd ?? process.cwd();
  const shown = display(absolutePath, cwd);
  if (via ? ancestors.has(absolutePath) : seen.has(absolutePath)) {
    errors.push(
      via
        ? {
            file: via.file,
            line: via.line,
            message: `${via.logicalId}: nested stack template ${shown} includes itself (it is one of this stack's own parents)`,
          }
        : { file: shown, message: 'template is listed more than once in the cloud assembly' },
    );
    return;
  }
  // One template deployed as several nested stacks (two VPCs from vpc.yaml): each instance is its own stack,
  // with its own parameters and its own resource ids.
  const templateKey = seen.has(absolutePath) ? `${shown}@${stackName}` : shown;
  seen.add(absolutePath);
  let template = parsedCache;
  if (!template) {
    const read = readText(absolutePath, shown);
    if ('error' in read) {
      errors.push(
        via
          ? { ...read.error, message: `${read.error.message} (nested stack ${via.logicalId} of ${via.file})` }
          : read.error,
      );
      return;
    }
    const parsed = parseTemplate(shown, read.text, { allowNoResources: assetRoot !== undefined });
    if (!parsed.ok) {
      errors.push(parsed.error);
      return;
    }
    template = parsed.template;
  }
  if (template.problems) errors.push(...template.problems);
  const unit: TemplateUnit = {
    template,
    templateKey,
    stackName,
    parameterValues,
    pseudo: options.pseudo ?? {},
  };
  units.push(unit);
  const resources = template.body.Resources as Record<string, unknown>;
  let resolver: TemplateResolver | undefined;
  for (const [logicalId, declaration] of Object.entries(resources)) {
    const raw = asRecord(declaration);
    if (raw.Type !== 'AWS::CloudFormation::Stack') continue;
    const line = template.resourceLines.get(logicalId);
    resolver ??= unitResolver(unit);
    // A nested stack whose condition is false under these parameters is not created: nothing to read.
    if (typeof raw.Condition === 'string' && resolver.condition(raw.Condition) === false) continue;
    const properties = asRecord(resolver.resolveFor(logicalId, raw.Properties ?? {}));
    const assetPath = asRecord(raw.Metadata)['aws:asset:path'];
    const templateUrl = properties.TemplateURL;
    const problem = (message: string) =>
      errors.push({ file: shown, line, message: `${logicalId}: ${message}` });
    let nestedPath: string | undefined;
    if (typeof assetPath === 'string' && assetPath !== '') {
      const base = assetRoot ?? dirname(absolutePath);
      nestedPath = resolvePath(base, assetPath);
      // A CDK asset lives inside the cloud assembly; a path out of it is not CDK output.
      if (assetRoot !== undefined && !isInside(assetRoot, nestedPath)) {
        problem(`nested stack asset path "${assetPath}" points outside the cloud assembly; not read`);
        continue;
      }
    } else if (templateUrl === undefined || templateUrl === null || templateUrl === '') {
      problem('nested stack has no TemplateURL');
      continue;
    } else if (isUnknown(templateUrl)) {
      // `!Sub https://${Bucket}.s3.amazonaws.com/${Prefix}templates/db.yaml`: its literal tail still names the file.
      nestedPath =
        templateUrl.pattern === undefined
          ? undefined
          : localTemplateFor(templateUrl.pattern, absolutePath, options.root);
      if (!nestedPath) {
        problem(
          `nested stack template URL is known only at deploy time${templateUrl.pattern ? ` (${templateUrl.pattern}) and names no template beside this one` : ''}; scan that template separately`,
        );
        continue;
      }
    } else if (typeof templateUrl !== 'string') {
      problem(
        `nested stack TemplateURL must be a string, not ${Array.isArray(templateUrl) ? 'a list' : typeof templateUrl}`,
      );
      continue;
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(templateUrl)) {
      // The uploaded copy of a template kept beside this one (the usual master-stack layout) is read locally.
      nestedPath = localTemplateFor(templateUrl, absolutePath, options.root);
      if (!nestedPath) {
        problem(
          `nested stack template is remote (${templateUrl}) and no template of that name is beside this one; scan that template separately`,
        );
        continue;
      }
    } else {
      nestedPath = resolvePath(dirname(absolutePath), templateUrl);
    }
    if (!existsSync(nestedPath)) {
      problem(`nested stack template not found: ${display(nestedPath, cwd)}`);
      continue;
    }
    const parameters = properties.Parameters;
    if (
      parameters !== undefined &&
      (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters))
    )
      problem('nested stack Parameters must be a mapping; the nested template is read with its defaults');
    collectUnits(
      nestedPath,
      options,
      `${stackName}/${logicalId}`,
      asRecord(parameters),
      assetRoot,
      units,
      errors,
      seen,
      undefined,
      { file: shown, line, logicalId },
      new Set([...ancestors, absolutePath]),
    );
  }
}

/**
 * The local file a remote or deploy-time nested-stack `TemplateURL` stands for, as master stacks are deployed
 * from the templates kept beside them. Taken from the URL's path (after its host, and after its last
 * deploy-time `*` part): the longest tail that is a file in the parent's folder or below it
 * (`https://s3.amazonaws.com/bucket/infra/vpc.yaml` beside `master.yaml` → `infra/vpc.yaml`, else `vpc.yaml`);
 * failing that, a tail of two or more segments from a folder above it, up to the scan's root
 * (`samples/master.yaml` naming `…/templates/vpc.yaml` → `templates/vpc.yaml` at the root).
 */
export function localTemplateFor(url: string, parentFile: string, root?: string): string | undefined {
  const path = url.replace(/[?#].*$/, '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const segments = path.split('/').filter((segment) => segment !== '');
  let start = 0;
  segments.forEach((segment, index) => {
    if (segment.includes('*')) start = index + 1;
  });
  const tail = segments.slice(start);
  const file = tail.at(-1);
  if (!file || !/\.(json|ya?ml|template)$/i.test(file)) return undefined;
  const top = root ?? dirname(parentFile);
  let folder = dirname(parentFile);
  for (let level = 0; isInside(top, folder); level++) {
    // Above the parent's own folder, a bare file name is too weak a match: at least one folder must match too.
    for (let from = 0; from < (level === 0 ? tail.length : tail.length - 1); from++) {
      const candidate = resolvePath(folder, ...tail.slice(from));
      if (candidate === parentFile || !isInside(top, candidate)) continue;
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not there: try a shorter tail
      }
    }
    const up = dirname(folder);
    if (up === folder) break;
    folder = up;
  }
  return undefined;
}

/** The stack name a template file stands for: its file name without the template extension. */
function stackNameOf(absolutePath: string): string {
  return absolutePath.replace(/^.*[\\/]/, '').replace(/\.(template\.)?(json|ya?ml|template)$/i, '');
}

/**
 * Declares the exports of a template file of the scan (with the scan's parameters) in `table`, before any file
 * is built, so that a stack importing from a file read after it still finds the value.
 */
export function declareExports(
  table: ExportTable,
  path: string,
  parsed: ParsedTemplate,
  options: CloudFormationOptions = {},
): void {
  if (parsed.body.Outputs === undefined) return;
  const absolutePath = resolvePath(options.cwd ?? process.cwd(), path);
  const unit: TemplateUnit = {
    template: parsed,
    templateKey: display(absolutePath, options.cwd ?? process.cwd()),
    stackName: stackNameOf(absolutePath),
    parameterValues: options.parameters ?? {},
    pseudo: options.pseudo ?? {},
  };
  // Problems are reported once, when the file itself is built.
  table.declare(unit, unitResolver(unit, { importValue: (name) => table.value(name, unit) }));
}

export { ExportTable };

/** Loads one CloudFormation template file (JSON or YAML) with its local nested stacks. */
export function loadCloudFormationFile(
  path: string,
  options: CloudFormationOptions = {},
  parsed?: ParsedTemplate,
): AdapterOutput {
  const absolutePath = resolvePath(options.cwd ?? process.cwd(), path);
  const units: TemplateUnit[] = [];
  const errors: InputError[] = [];
  const stackName = stackNameOf(absolutePath);
  collectUnits(
    absolutePath,
    options,
    stackName,
    options.parameters ?? {},
    undefined,
    units,
    errors,
    new Set(),
    parsed,
  );
  const built = buildUnits(units, options.exports);
  return {
    resources: built.resources,
    errors: [...errors, ...built.errors],
    inputs: units.map((u) => u.templateKey),
  };
}

/** Loads a template from text (tests, stdin). Nested stacks are resolved relative to `file`. */
export function loadCloudFormationTemplate(
  file: string,
  text: string,
  options: CloudFormationOptions = {},
): AdapterOutput {
  const parsed = parseTemplate(file, text);
  if (!parsed.ok) return { resources: [], errors: [parsed.error], inputs: [file] };
  return loadCloudFormationFile(file, options, parsed.template);
}

interface ManifestArtifact {
  type?: unknown;
  displayName?: unknown;
  properties?: { templateFile?: unknown; directoryName?: unknown };
  environment?: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Loads a CDK cloud assembly (`cdk.out`): every stack artifact of the manifest, nested assemblies (stages)
 * recursively, and each stack's nested stacks. A manifest that names no stack, a stack artifact without
 * a template, or a path out of the assembly is an error: a cloud assembly is never scanned as empty
 * without saying so.
 */
export function loadCdkOut(directory: string, options: CloudFormationOptions = {}): AdapterOutput {
  const cwd = options.cwd ?? process.cwd();
  const root = resolvePath(cwd, directory);
  const units: TemplateUnit[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const visitedAssemblies = new Set<string>();
  let stacks = 0;
  const visit = (assemblyDir: string, depth: number) => {
    const manifestPath = join(assemblyDir, 'manifest.json');
    const shown = display(manifestPath, cwd);
    visitedAssemblies.add(assemblyDir);
    const read = readText(manifestPath, shown);
    if ('error' in read) {
      errors.push(read.error);
      return;
    }
    let manifest: unknown;
    try {
      manifest = JSON.parse(read.text);
    } catch (error) {
      errors.push({ file: shown, ...jsonErrorOf(read.text, error) });
      return;
    }
    const artifacts = isObject(manifest) ? manifest.artifacts : undefined;
    if (!isObject(artifacts)) {
      errors.push({
        file: shown,
        message: `not a CDK cloud assembly manifest: ${artifacts === undefined ? 'no "artifacts"' : '"artifacts" is not an object'}`,
      });
      return;
    }
    for (const [artifactId, value] of Object.entries(artifacts)) {
      const artifact = (isObject(value) ? value : {}) as ManifestArtifact;
      const problem = (message: string) =>
        errors.push({ file: shown, message: `artifact "${artifactId}": ${message}` });
      if (artifact.type === 'aws:cloudformation:stack') {
        stacks++;
        const templateFile = isObject(artifact.properties) ? artifact.properties.templateFile : undefined;
        if (typeof templateFile !== 'string' || templateFile === '') {
          problem('stack artifact has no properties.templateFile; the stack is not scanned');
          continue;
        }
        const templatePath = resolvePath(assemblyDir, templateFile);
        if (!isInside(root, templatePath)) {
          problem(`templateFile "${templateFile}" points outside the cloud assembly; not read`);
          continue;
        }
        const env = /^aws:\/\/([^/]+)\/(.+)$/.exec(
          typeof artifact.environment === 'string' ? artifact.environment : '',
        );
        const pseudo: Record<string, string> = { ...(options.pseudo ?? {}) };
        if (env?.[1] && env[1] !== 'unknown-account') pseudo['AWS::AccountId'] ??= env[1];
        if (env?.[2] && env[2] !== 'unknown-region') pseudo['AWS::Region'] ??= env[2];
        collectUnits(
          templatePath,
          { ...options, pseudo },
          typeof artifact.displayName === 'string' ? artifact.displayName : artifactId,
          options.parameters ?? {},
          assemblyDir,
          units,
          errors,
          seen,
        );
      } else if (artifact.type === 'cdk:cloud-assembly') {
        const directoryName = isObject(artifact.properties) ? artifact.properties.directoryName : undefined;
        if (typeof directoryName !== 'string' || directoryName === '') {
          problem('nested cloud assembly has no properties.directoryName; it is not scanned');
          continue;
        }
        const nested = resolvePath(assemblyDir, directoryName);
        if (!isInside(root, nested)) {
          problem(`directoryName "${directoryName}" points outside the cloud assembly; not read`);
        } else if (visitedAssemblies.has(nested)) {
          problem(
            `nested cloud assembly "${directoryName}" is already part of this scan (it includes itself?)`,
          );
        } else if (depth >= 8) {
          problem('nested cloud assemblies nest more than 8 deep; not scanned');
        } else visit(nested, depth + 1);
      }
    }
  };
  visit(root, 0);
  if (stacks === 0 && errors.length === 0)
    errors.push({
      file: display(join(root, 'manifest.json'), cwd),
      message: 'the cloud assembly declares no CloudFormation stack (is `cdk synth` output complete?)',
    });
  const built = buildUnits(units, options.exports);
  return {
    resources: built.resources,
    errors: [...errors, ...built.errors],
    inputs: units.map((u) => u.templateKey),
  };
}

export function isCdkOut(directory: string): boolean {
  const manifest = join(directory, 'manifest.json');
  try {
    return statSync(manifest).isFile() && readFileSync(manifest, 'utf8').includes('"artifacts"');
  } catch {
    return false;
  }
}
