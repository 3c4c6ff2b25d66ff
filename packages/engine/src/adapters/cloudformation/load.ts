import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve as resolvePath } from 'node:path';
import type { InputError, Resource } from '../../model/resource.js';
import { isUnknown } from '../../model/values.js';
import { buildCanonicalResources, type TemplateUnit } from './build.js';
import { type ParsedTemplate, parseTemplate } from './parse.js';
import { asRecord, TemplateResolver } from './resolve.js';

export interface CloudFormationOptions {
  /** Parameter values (`--param Key=Value`), applied to every top-level template that declares them. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Pseudo parameter values, e.g. `{ 'AWS::Region': 'us-east-1' }`. */
  readonly pseudo?: Readonly<Record<string, string>>;
  /** Base for display paths in findings (default: the working directory). */
  readonly cwd?: string;
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
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      error: {
        file: shown,
        message: code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? 'error'})`,
      },
    };
  }
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
): void {
  const cwd = options.cwd ?? process.cwd();
  const shown = display(absolutePath, cwd);
  if (seen.has(absolutePath)) {
    errors.push({ file: shown, message: 'nested stack includes itself' });
    return;
  }
  seen.add(absolutePath);
  let template = parsedCache;
  if (!template) {
    const read = readText(absolutePath, shown);
    if ('error' in read) {
      errors.push(read.error);
      return;
    }
    const parsed = parseTemplate(shown, read.text);
    if (!parsed.ok) {
      errors.push(parsed.error);
      return;
    }
    template = parsed.template;
  }
  const unit: TemplateUnit = {
    template,
    templateKey: shown,
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
    resolver ??= new TemplateResolver({
      templateKey: shown,
      body: template.body,
      parameterValues,
      pseudo: options.pseudo ?? {},
      stackName,
      report: () => {},
    });
    const properties = asRecord(resolver.resolveFor(logicalId, raw.Properties ?? {}));
    const assetPath = asRecord(raw.Metadata)['aws:asset:path'];
    let nestedPath: string | undefined;
    if (typeof assetPath === 'string')
      nestedPath = resolvePath(assetRoot ?? dirname(absolutePath), assetPath);
    else if (
      typeof properties.TemplateURL === 'string' &&
      !/^(https?|s3):\/\//.test(properties.TemplateURL)
    ) {
      nestedPath = resolvePath(dirname(absolutePath), properties.TemplateURL);
    }
    if (!nestedPath) {
      errors.push({
        file: shown,
        line,
        message: `${logicalId}: nested stack template ${isUnknown(properties.TemplateURL) ? 'URL is known only at deploy time' : `is remote (${String(properties.TemplateURL)})`}; scan that template separately`,
      });
      continue;
    }
    if (!existsSync(nestedPath)) {
      errors.push({
        file: shown,
        line,
        message: `${logicalId}: nested stack template not found: ${display(nestedPath, cwd)}`,
      });
      continue;
    }
    collectUnits(
      nestedPath,
      options,
      `${stackName}/${logicalId}`,
      asRecord(properties.Parameters),
      assetRoot,
      units,
      errors,
      seen,
    );
  }
}

/** Loads one CloudFormation template file (JSON or YAML) with its local nested stacks. */
export function loadCloudFormationFile(
  path: string,
  options: CloudFormationOptions = {},
  parsed?: ParsedTemplate,
): AdapterOutput {
  const absolutePath = resolvePath(options.cwd ?? process.cwd(), path);
  const units: TemplateUnit[] = [];
  const errors: InputError[] = [];
  const stackName = absolutePath
    .replace(/^.*[\\/]/, '')
    .replace(/\.(template\.)?(json|ya?ml|template)$/i, '');
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
  const built = buildCanonicalResources(units);
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
  type?: string;
  displayName?: string;
  properties?: { templateFile?: string; directoryName?: string };
  environment?: string;
}

/**
 * Loads a CDK cloud assembly (`cdk.out`): every stack artifact of the manifest, nested assemblies (stages)
 * recursively, and each stack's nested stacks.
 */
export function loadCdkOut(directory: string, options: CloudFormationOptions = {}): AdapterOutput {
  const cwd = options.cwd ?? process.cwd();
  const root = resolvePath(cwd, directory);
  const units: TemplateUnit[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const visit = (assemblyDir: string, depth: number) => {
    const manifestPath = join(assemblyDir, 'manifest.json');
    const shown = display(manifestPath, cwd);
    const read = readText(manifestPath, shown);
    if ('error' in read) {
      errors.push(read.error);
      return;
    }
    let manifest: { artifacts?: Record<string, ManifestArtifact> };
    try {
      manifest = JSON.parse(read.text);
    } catch (error) {
      errors.push({
        file: shown,
        message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}`,
      });
      return;
    }
    if (typeof manifest !== 'object' || manifest === null || typeof manifest.artifacts !== 'object') {
      errors.push({ file: shown, message: 'not a CDK cloud assembly manifest: no "artifacts"' });
      return;
    }
    for (const [artifactId, artifact] of Object.entries(manifest.artifacts ?? {})) {
      if (artifact?.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile) {
        const env = /^aws:\/\/([^/]+)\/(.+)$/.exec(artifact.environment ?? '');
        const pseudo: Record<string, string> = { ...(options.pseudo ?? {}) };
        if (env?.[1] && env[1] !== 'unknown-account') pseudo['AWS::AccountId'] ??= env[1];
        if (env?.[2] && env[2] !== 'unknown-region') pseudo['AWS::Region'] ??= env[2];
        collectUnits(
          join(assemblyDir, artifact.properties.templateFile),
          { ...options, pseudo },
          artifact.displayName ?? artifactId,
          options.parameters ?? {},
          assemblyDir,
          units,
          errors,
          seen,
        );
      } else if (artifact?.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName && depth < 8) {
        visit(join(assemblyDir, artifact.properties.directoryName), depth + 1);
      }
    }
  };
  visit(root, 0);
  const built = buildCanonicalResources(units);
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
