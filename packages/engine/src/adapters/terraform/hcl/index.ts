import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { InputError } from '../../../model/resource.js';
import { decodeText, fileErrorReason, jsonErrorOf } from '../../input-text.js';
import type { TfInstance } from '../build.js';
import { evaluateBlockInto } from './block.js';
import { createConfigLoader, displayPath, type ModuleConfig, type ResourceConfig } from './config.js';
import { type EvalContext, type EvalHost, evaluate, evaluateValue } from './evaluate.js';
import { instancesOf, ModuleInstance, type ScanState, spendInstances, withOwnProviders } from './instance.js';
import { parseHcl } from './source.js';
import { parseExpression } from './syntax.js';
import { ExpressionError, isPlainObject } from './values.js';

export interface TerraformFolderOptions {
  /** `-var name=value` values: strings, parsed as HCL when the variable's type is not `string`. */
  readonly variables?: Readonly<Record<string, string>>;
  /** `-var-file` paths (HCL `.tfvars` or `.tfvars.json`), relative to `cwd`, applied in order. */
  readonly varFiles?: readonly string[];
  /** Base of display paths and of `varFiles`; default `process.cwd()`. */
  readonly cwd?: string;
}

export interface TerraformFolderResult {
  readonly instances: TfInstance[];
  readonly errors: InputError[];
  /** Files read (display paths). */
  readonly inputs: string[];
  /** Variables the root module declares. */
  readonly variables?: readonly string[];
}

/**
 * Loads a Terraform configuration folder (HCL and `.tf.json`) into resource instances, the same shape a
 * plan gives, so one set of rules judges both (R-ENG-1). Variables, locals, functions, `count`,
 * `for_each`, `dynamic` blocks and local modules are evaluated where static; anything known only at
 * plan or apply time is an explicit `Unknown`, and references to resources are `ResourceRef`s. Never
 * throws: unreadable or invalid files are `InputError`s with file and line (R-ENG-8).
 */
export async function loadTerraformFolder(
  directory: string,
  options: TerraformFolderOptions = {},
): Promise<TerraformFolderResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const rootDir = resolve(cwd, directory);
  const inputKey = displayPath(cwd, rootDir);
  const loader = createConfigLoader(cwd);
  const instances: TfInstance[] = [];
  const declared: string[] = [];
  try {
    const [config, values] = await Promise.all([
      loader.load(rootDir),
      rootVariableValues(rootDir, options, cwd, loader.errors, loader.inputs),
    ]);
    const state: ScanState = { inputKey, rootDir, cwd, errors: loader.errors, location: { file: inputKey } };
    const providers = new Map<string, () => unknown>();
    const root = new ModuleInstance(
      state,
      config,
      '',
      (name) => rootInput(name, values, config),
      providers,
      (name) => `variable ${name} has no value (pass --var ${name}=… or a .tfvars file)`,
    );
    withOwnProviders(root, providers);
    declared.push(...config.variables.keys());
    collect(root, instances);
  } catch (error) {
    loader.errors.push({
      file: inputKey,
      message: `internal error while reading the Terraform folder: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  // Files are read concurrently: order errors by place so reports are stable from run to run.
  const errors = [...loader.errors].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message),
  );
  return { instances, errors, inputs: [...new Set(loader.inputs)], variables: declared };
}

/** A value from a variables file or `-var`, before conversion to the variable's type. */
type RootValue = { readonly value: unknown } | { readonly cli: string };

function rootInput(
  name: string,
  values: Map<string, RootValue>,
  config: ModuleConfig,
): { value: unknown } | undefined {
  const given = values.get(name);
  if (!given) return undefined;
  if ('value' in given) return given;
  // `-var` values are strings for `string` (or untyped) variables, HCL expressions otherwise.
  const body = config.variables.get(name)?.raw as Record<string, unknown> | undefined;
  const type = typeof body?.type === 'string' ? body.type.replace(/^\$\{|\}$/g, '').trim() : '';
  if (type === '' || type === 'string') return { value: given.cli };
  try {
    return { value: evaluate(parseExpression(given.cli), LITERAL_CONTEXT) };
  } catch {
    return { value: given.cli };
  }
}

const LITERAL_HOST: EvalHost = {
  reference: () => {
    throw new ExpressionError('variable values may not refer to other values');
  },
  readFile: () => {
    throw new ExpressionError('variable values may not read files');
  },
};
const LITERAL_CONTEXT: EvalContext = { host: LITERAL_HOST, vars: new Map() };

/**
 * Root variable values in Terraform's precedence (later wins): `terraform.tfvars`, `terraform.tfvars.json`,
 * `*.auto.tfvars(.json)` in lexical order, then `varFiles`, then `variables` (`-var`).
 */
async function rootVariableValues(
  rootDir: string,
  options: TerraformFolderOptions,
  cwd: string,
  errors: InputError[],
  inputs: string[],
): Promise<Map<string, RootValue>> {
  let names: string[] = [];
  try {
    names = await readdir(rootDir);
  } catch {
    // The folder itself is reported by the configuration loader.
  }
  const auto = names.filter((name) => /\.auto\.tfvars(\.json)?$/.test(name)).sort();
  const files = [
    ...['terraform.tfvars', 'terraform.tfvars.json']
      .filter((name) => names.includes(name))
      .map((name) => join(rootDir, name)),
    ...auto.map((name) => join(rootDir, name)),
    ...(options.varFiles ?? []).map((file) => resolve(cwd, file)),
  ];
  const parsed = await Promise.all(files.map((file) => readVariablesFile(file, cwd, errors, inputs)));
  const values = new Map<string, RootValue>();
  for (const fileValues of parsed) for (const [name, value] of fileValues) values.set(name, { value });
  for (const [name, value] of Object.entries(options.variables ?? {})) values.set(name, { cli: value });
  return values;
}

async function readVariablesFile(
  path: string,
  cwd: string,
  errors: InputError[],
  inputs: string[],
): Promise<Map<string, unknown>> {
  const display = displayPath(cwd, path);
  const out = new Map<string, unknown>();
  let text: string;
  try {
    const read = decodeText(await readFile(path));
    if ('reason' in read) {
      errors.push({ file: display, message: `cannot read variables file: ${read.reason}` });
      return out;
    }
    text = read.text;
  } catch (error) {
    errors.push({ file: display, message: `cannot read variables file: ${fileErrorReason(error)}` });
    return out;
  }
  inputs.push(display);
  if (path.endsWith('.json')) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      errors.push({ file: display, ...jsonErrorOf(text, error) });
      return out;
    }
    if (!isPlainObject(body)) {
      errors.push({
        file: display,
        line: 1,
        message: 'invalid variables file: the document is not an object',
      });
      return out;
    }
    // JSON variables files hold literal values: no templates.
    for (const [name, value] of Object.entries(body)) out.set(name, value);
    return out;
  }
  const parsed = await parseHcl(display, text);
  if (!parsed.ok) {
    errors.push({ file: display, line: parsed.line, message: parsed.message });
    return out;
  }
  for (const [name, raw] of Object.entries(parsed.body)) out.set(name, evaluateValue(raw, LITERAL_CONTEXT));
  return out;
}

function collect(instance: ModuleInstance, out: TfInstance[]): void {
  for (const resource of instance.config.resources) {
    try {
      evaluateResource(instance, resource, out);
    } catch (error) {
      instance.state.errors.push({
        file: resource.file,
        line: resource.line,
        message: `cannot evaluate ${instance.address(`${resource.type}.${resource.name}`)}: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  for (const call of instance.config.calls.values()) {
    instance.state.location = { file: call.file, line: call.line };
    for (const child of instance.children(call)) collect(child.instance, out);
  }
}

/** Meta-arguments of a resource block: they shape instances, they are not attributes. */
const RESOURCE_META = new Set([
  'count',
  'for_each',
  'provider',
  'depends_on',
  'lifecycle',
  'provisioner',
  'connection',
]);

function evaluateResource(instance: ModuleInstance, resource: ResourceConfig, out: TfInstance[]): void {
  const { state } = instance;
  state.location = { file: resource.file, line: resource.line };
  const local = `${resource.type}.${resource.name}`;
  const expansion = instance.expansion(resource);
  const region = regionOf(instance, resource);
  const expandedInstances = instancesOf(expansion, local);
  if (!spendInstances(state, expandedInstances.length, resource)) return;
  for (const expanded of expandedInstances) {
    const ctx: EvalContext = { host: instance, vars: new Map(Object.entries(expanded.vars)) };
    const values: Record<string, unknown> = {};
    evaluateBlockInto(resource.body, ctx, values, RESOURCE_META);
    out.push({
      format: 'terraform-hcl',
      inputKey: state.inputKey,
      address: instance.address(`${local}${expanded.suffix}`),
      type: resource.type,
      values,
      file: resource.file,
      line: resource.line,
      module: instance.prefix,
      region,
      inlineSuppressions: resource.suppressions,
    });
  }
}

/** Region of the resource's provider configuration (`provider = aws.west`, else the default `aws`). */
function regionOf(instance: ModuleInstance, resource: ResourceConfig): string | undefined {
  const explicit = resource.body.provider;
  const key =
    typeof explicit === 'string'
      ? explicit.replace(/^\$\{|\}$/g, '').trim()
      : (resource.type.split('_')[0] ?? resource.type);
  const region = instance.providers.get(key)?.();
  return typeof region === 'string' && region !== '' ? region : undefined;
}
