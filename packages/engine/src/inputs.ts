import { readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve as resolvePath } from 'node:path';
import { coverAcrossInputs } from './adapters/backup-coverage.js';
import {
  type AdapterOutput,
  declareExports,
  ExportTable,
  isCdkOut,
  loadCdkOut,
  loadCloudFormationFile,
  parseTemplate,
} from './adapters/cloudformation/index.js';
import { fileErrorReason, readInputText } from './adapters/input-text.js';
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

/**
 * `terraform show -json` output: a JSON object with planned values, changes or prior state, and a
 * format version (one without is still read as a plan when it is no CloudFormation template, so that
 * the error names what is missing).
 */
function looksLikeTerraformPlan(text: string): boolean {
  const head = text.slice(0, 4096);
  return (
    /^\s*\{/.test(head) &&
    /"(planned_values|resource_changes|prior_state)"/.test(text) &&
    (/"format_version"/.test(text) || !/"Resources"\s*:/.test(text))
  );
}

/** `terraform.tfstate`: not a plan, and not scanned (it holds no configuration, and may hold secrets). */
function looksLikeTerraformState(text: string): boolean {
  return /^\s*\{/.test(text) && /"terraform_version"/.test(text) && /"lineage"|"serial"/.test(text);
}

/** A reason for an adapter that threw: a bug or a limit, reported against the file instead of ending the scan. */
function crashReason(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return 'nested too deeply to evaluate (the evaluator ran out of stack)';
  return `could not be processed (internal error: ${error instanceof Error ? error.message : String(error)})`;
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

  /** Runs one input's adapter; if it throws, the input is an error and the other inputs are still read. */
  const guarded = (file: string, load: () => void) => {
    try {
      load();
    } catch (error) {
      errors.push({ file, message: crashReason(error) });
    }
  };

  // Exports of every template file of the scan, and the builds waiting for all of them to be declared.
  const exports = new ExportTable();
  const builds: { file: string; build: () => void }[] = [];

  // Files already read (real paths): one reached through a link and directly is read once.
  const loaded = new Set<string>();
  // The path named on the command line that is being read: nested templates are looked up within it only.
  let scanRoot: string | undefined;
  const loadFile = (absolute: string, explicit: boolean) => {
    const shown = displayPath(absolute, cwd);
    try {
      const real = realpathSync(absolute);
      if (loaded.has(real)) return;
      loaded.add(real);
    } catch {
      // Reported by the read below.
    }
    const read = readInputText(absolute);
    if ('reason' in read) {
      errors.push({ file: shown, message: read.reason });
      return;
    }
    const text = read.text;
    guarded(shown, () => {
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
      if (explicit && looksLikeTerraformState(text) && !/"Resources"\s*:/.test(text)) {
        errors.push({
          file: shown,
          message:
            'a Terraform state file, not a plan: scan the plan (`terraform show -json plan.out`) or the folder of .tf files',
        });
        return;
      }
      // Parsed now, built once every file is read: its imports may name exports of files read after it.
      const parsed = parseTemplate(shown, text);
      if (!parsed.ok) {
        outputs.push({ resources: [], errors: [parsed.error], inputs: [shown] });
        return;
      }
      const options = { ...adapterOptions, root: scanRoot, exports };
      guarded(shown, () => declareExports(exports, shown, parsed.template, options));
      const slot = outputs.length;
      outputs.push({ resources: [], errors: [], inputs: [] });
      builds.push({
        file: shown,
        build: () => {
          outputs[slot] = loadCloudFormationFile(shown, options, parsed.template);
        },
      });
    });
  };

  const terraformRoots: string[] = [];
  // Folders already walked (real paths): a symbolic link back up the tree is walked once, not forever.
  const walked = new Set<string>();
  const walk = (directory: string, root?: string) => {
    let real: string;
    try {
      real = realpathSync(directory);
    } catch (error) {
      errors.push({ file: displayPath(directory, cwd), message: fileErrorReason(error) });
      return;
    }
    if (walked.has(real)) return;
    walked.add(real);
    const rootReal = root ?? real;
    if (isCdkOut(directory)) {
      const slot = outputs.length;
      outputs.push({ resources: [], errors: [], inputs: [] });
      builds.push({
        file: displayPath(directory, cwd),
        build: () => {
          outputs[slot] = loadCdkOut(directory, { ...adapterOptions, exports });
        },
      });
      return;
    }
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      errors.push({
        file: displayPath(directory, cwd),
        message: `cannot read folder: ${fileErrorReason(error)}`,
      });
      return;
    }
    // A folder with .tf files is a Terraform root module: loaded whole (its local modules through it).
    if (
      entries.some(
        (entry) =>
          (entry.isFile() || entry.isSymbolicLink()) &&
          (entry.name.endsWith('.tf') || entry.name.endsWith('.tf.json')),
      )
    ) {
      terraformRoots.push(directory);
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(directory, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Followed like any other entry; a broken link with a template's name is reported, not skipped.
        // A linked folder is walked only if it lies inside the folder named: a link to `..` or `/`
        // would otherwise scan what was not asked for (or the whole disk).
        try {
          const target = statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
          if (isDirectory) {
            const rel = relative(rootReal, realpathSync(path));
            if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) continue;
          }
        } catch (error) {
          if (TEMPLATE_EXTENSIONS.has(extname(entry.name).toLowerCase()))
            errors.push({
              file: displayPath(path, cwd),
              message: `broken symbolic link (${fileErrorReason(error)})`,
            });
          continue;
        }
      }
      if (isDirectory) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) walk(path, rootReal);
      } else if (isFile && TEMPLATE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
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
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push({
        file: path,
        message: code === 'ENOENT' ? 'no such file or folder' : fileErrorReason(error),
      });
      continue;
    }
    scanRoot = stats.isDirectory() ? absolute : dirname(absolute);
    if (stats.isDirectory()) walk(absolute);
    else if (!stats.isFile())
      errors.push({ file: path, message: 'not a regular file or folder (a pipe, socket or device)' });
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

  for (const { file, build } of builds) guarded(file, build);

  const variables = options.variables ?? {};
  // Variable files apply to Terraform folders only: one given with none to apply to is not read, and says so.
  if (terraformRoots.length === 0) {
    for (const file of options.varFiles ?? [])
      errors.push({ file, message: 'variables file not read: no Terraform folder (.tf files) is scanned' });
  }
  const declaredVariables = new Set<string>();
  for (const root of terraformRoots) {
    try {
      const folder = await loadTerraformFolder(root, { variables, varFiles: options.varFiles, cwd });
      for (const name of folder.variables ?? []) declaredVariables.add(name);
      const folderErrors = [...folder.errors];
      outputs.push({
        resources: buildTerraformResources(folder.instances, folderErrors),
        errors: folderErrors,
        inputs: folder.inputs,
      });
    } catch (error) {
      errors.push({ file: displayPath(root, cwd), message: crashReason(error) });
    }
  }

  // `-var x=…` that no scanned root module declares is an error in Terraform (a typo would otherwise
  // leave the intended variable at its default without a word).
  if (terraformRoots.length > 0) {
    for (const name of Object.keys(variables)) {
      if (!declaredVariables.has(name))
        errors.push({
          file: `--var ${name}`,
          message: 'no Terraform root module in the scan declares this variable',
        });
    }
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
  return createModel(coverAcrossInputs(resources), uniqueErrors, [
    ...new Set(outputs.flatMap((output) => output.inputs)),
  ]);
}
