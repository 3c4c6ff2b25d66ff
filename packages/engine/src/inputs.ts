import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve as resolvePath } from 'node:path';
import {
  type AdapterOutput,
  isCdkOut,
  loadCdkOut,
  loadCloudFormationTemplate,
} from './adapters/cloudformation/index.js';
import { buildTerraformResources } from './adapters/terraform/build.js';
import { loadTerraformFolder } from './adapters/terraform/hcl/index.js';
import { loadTerraformPlan } from './adapters/terraform/plan.js';
import { createModel } from './model/build.js';
import type { InputError, Model, Resource } from './model/resource.js';

export interface InputOptions {
  readonly parameters?: Readonly<Record<string, string>>;
  /** Terraform variable values (`--var name=value`) and variable files (`--var-file`). */
  readonly variables?: Readonly<Record<string, string>>;
  readonly varFiles?: readonly string[];
  readonly pseudo?: Readonly<Record<string, string>>;
  readonly cwd?: string;
}

const TEMPLATE_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.template']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.terraform', 'dist', 'coverage']);

/** `terraform show -json` output: a JSON object with a format version and planned values or changes. */
function looksLikeTerraformPlan(text: string): boolean {
  const head = text.slice(0, 4096);
  return (
    /^\s*\{/.test(head) &&
    /"format_version"/.test(text) &&
    /"(planned_values|resource_changes|prior_state)"/.test(text)
  );
}

/** A file found by walking a folder is a template candidate only if it looks like one; a named file always is. */
function looksLikeTemplate(text: string): boolean {
  return /AWSTemplateFormatVersion|"?Resources"?\s*:/.test(text) && /AWS::|Type\s*:/.test(text);
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/**
 * Turns the paths given to a scan into one model: a `cdk.out` folder (by its manifest), a CloudFormation
 * template, a Terraform plan JSON, or a folder walked for all of them. Unreadable or unrecognised inputs are errors, never silent.
 */
export async function loadInputs(paths: readonly string[], options: InputOptions = {}): Promise<Model> {
  const cwd = options.cwd ?? process.cwd();
  const outputs: AdapterOutput[] = [];
  const errors: InputError[] = [];
  const adapterOptions = { parameters: options.parameters, pseudo: options.pseudo, cwd };

  const loadFile = (absolute: string, explicit: boolean) => {
    const shown = displayPath(absolute, cwd);
    let text: string;
    try {
      text = readFileSync(absolute, 'utf8');
    } catch (error) {
      errors.push({
        file: shown,
        message: `cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      });
      return;
    }
    if (looksLikeTerraformPlan(text)) {
      const plan = loadTerraformPlan(shown, text);
      const planErrors = [...plan.errors];
      outputs.push({
        resources: buildTerraformResources(plan.instances, planErrors),
        errors: planErrors,
        inputs: [shown],
      });
      return;
    }
    if (!explicit && !looksLikeTemplate(text)) return;
    outputs.push(loadCloudFormationTemplate(shown, text, adapterOptions));
  };

  const terraformRoots: string[] = [];
  const walk = (directory: string) => {
    if (isCdkOut(directory)) {
      outputs.push(loadCdkOut(directory, adapterOptions));
      return;
    }
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      errors.push({
        file: displayPath(directory, cwd),
        message: `cannot read folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      });
      return;
    }
    // A folder with .tf files is a Terraform root module: loaded whole (its local modules through it).
    if (
      entries.some(
        (entry) => entry.isFile() && (entry.name.endsWith('.tf') || entry.name.endsWith('.tf.json')),
      )
    ) {
      terraformRoots.push(directory);
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) walk(path);
      } else if (entry.isFile() && TEMPLATE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        // A CDK manifest or asset index is not a template.
        if (
          entry.name === 'manifest.json' ||
          entry.name === 'tree.json' ||
          entry.name.endsWith('.assets.json')
        )
          continue;
        loadFile(path, false);
      }
    }
  };

  for (const path of paths) {
    const absolute = resolvePath(cwd, path);
    let stats: import('node:fs').Stats;
    try {
      stats = statSync(absolute);
    } catch {
      errors.push({ file: path, message: 'no such file or folder' });
      continue;
    }
    if (stats.isDirectory()) walk(absolute);
    else if (absolute.endsWith('.tf') || absolute.endsWith('.tf.json')) {
      errors.push({
        file: path,
        message: 'a Terraform file is scanned with its folder (the root module): name the folder instead',
      });
    } else if (TEMPLATE_EXTENSIONS.has(extname(absolute).toLowerCase())) loadFile(absolute, true);
    else
      errors.push({
        file: path,
        message: `not a recognised input (expected a CloudFormation template (.json, .yaml, .yml, .template) a cdk.out folder, a Terraform plan JSON or a folder of .tf files)`,
      });
  }

  const variables = options.variables ?? {};
  for (const root of terraformRoots) {
    const folder = await loadTerraformFolder(root, { variables, varFiles: options.varFiles, cwd });
    const folderErrors = [...folder.errors];
    outputs.push({
      resources: buildTerraformResources(folder.instances, folderErrors),
      errors: folderErrors,
      inputs: folder.inputs,
    });
  }

  // A packaged nested template met both on its own and through its parent is one stack: keep the first.
  const seen = new Set<string>();
  const resources: Resource[] = [];
  for (const output of outputs) {
    for (const resource of output.resources) {
      if (seen.has(resource.id)) continue;
      seen.add(resource.id);
      resources.push(resource);
    }
  }
  const allErrors = [...errors, ...outputs.flatMap((output) => output.errors)];
  const uniqueErrors = [...new Map(allErrors.map((e) => [`${e.file}:${e.line}:${e.message}`, e])).values()];
  return createModel(resources, uniqueErrors, [...new Set(outputs.flatMap((output) => output.inputs))]);
}
