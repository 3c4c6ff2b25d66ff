import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { InputError } from '../../../model/resource.js';
import { type ResourceRef, unknown } from '../../../model/values.js';
import { tfModelId } from '../build.js';
import { evaluateBlockInto } from './block.js';
import type { ModuleCall, ModuleConfig, ResourceConfig } from './config.js';
import { displayPath } from './config.js';
import { type EvalContext, type EvalHost, evaluateValue, type Step } from './evaluate.js';
import { renderPolicyDocument } from './policy-document.js';
import { convertToType } from './types.js';
import { ExpressionError, isPlainObject, isUnresolved, unknownFrom } from './values.js';

/** Shared by every module instance of one scan. */
export interface ScanState {
  readonly inputKey: string;
  readonly rootDir: string;
  readonly cwd: string;
  readonly errors: InputError[];
  /** Where evaluation currently is, for errors raised by functions such as `file()`. */
  location: { file: string; line?: number };
  /** Resource and module instances expanded so far (see `MAX_TOTAL_INSTANCES`). */
  expanded?: number;
}

/** The most resource and module instances one folder expands to (nested `count`s multiply). */
export const MAX_TOTAL_INSTANCES = 100_000;

/**
 * Accounts for `count` instances of a block; false (and one input error for the folder) once the
 * folder's total would pass `MAX_TOTAL_INSTANCES`, so that nested expansions cannot exhaust memory.
 */
export function spendInstances(
  state: ScanState,
  count: number,
  at: { file: string; line?: number },
): boolean {
  const total = (state.expanded ?? 0) + count;
  if (total > MAX_TOTAL_INSTANCES) {
    if ((state.expanded ?? 0) <= MAX_TOTAL_INSTANCES) {
      state.errors.push({
        file: at.file,
        line: at.line,
        message: `the configuration expands to more than ${MAX_TOTAL_INSTANCES} resource and module instances (nested count/for_each); the instances from here on are not evaluated`,
      });
    }
    state.expanded = MAX_TOTAL_INSTANCES + 1;
    return false;
  }
  state.expanded = total;
  return true;
}

/** How many instances a `count`/`for_each` block has; `unknown` when it cannot be evaluated statically. */
export type Expansion =
  | { readonly kind: 'single' }
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'each'; readonly entries: readonly (readonly [string, unknown])[] }
  | {
      readonly kind: 'unknown';
      readonly reason: string;
      readonly refs: readonly string[];
      /** Set when the configuration is at fault (not merely unknown before plan): reported as an input error. */
      readonly problem?: boolean;
    };

/**
 * The most instances one `count`/`for_each` expands to. Terraform sets no limit, but a static
 * configuration with more is a mistake or an attack (`count = 100000000` would exhaust memory); the
 * block is judged once, its `count.index`/`each.*` unknown, and the scan is reported incomplete.
 */
export const MAX_INSTANCES = 10_000;

function tooMany(what: string, size: number): Expansion {
  return {
    kind: 'unknown',
    reason: `${what} expands to ${size} instances, more than the ${MAX_INSTANCES} Safeguard evaluates; judged once with ${what === 'count' ? 'count.index' : 'each.key/each.value'} unknown`,
    refs: [],
    problem: true,
  };
}

export interface ExpandedInstance {
  /** Address suffix: `''`, `[0]`, `["a"]`. */
  readonly suffix: string;
  /** `count`/`each` bindings for the instance's expressions. */
  readonly vars: Record<string, unknown>;
}

export function instancesOf(expansion: Expansion, what: string): ExpandedInstance[] {
  switch (expansion.kind) {
    case 'single':
      return [{ suffix: '', vars: {} }];
    case 'count':
      return Array.from({ length: expansion.count }, (_, index) => ({
        suffix: `[${index}]`,
        vars: { count: { index } },
      }));
    case 'each':
      return expansion.entries.map(([key, value]) => ({
        suffix: `[${JSON.stringify(key)}]`,
        vars: { each: { key, value } },
      }));
    case 'unknown': {
      // One instance at the plain address, its count.index/each.* unknown: the rules still judge the
      // resource's static attributes, and the unknown says why the instances could not be listed.
      const reason = unknown(`${what}: ${expansion.reason}`, expansion.refs);
      return [{ suffix: '', vars: { count: { index: reason }, each: { key: reason, value: reason } } }];
    }
  }
}

/** Evaluates `count`/`for_each` of a resource or module block. */
export function expansionOf(body: Record<string, unknown>, ctx: EvalContext): Expansion {
  if (body.count !== undefined) {
    const value = evaluateValue(body.count, ctx);
    if (isUnresolved(value)) return unresolvedExpansion('count is not known statically', value);
    const count = typeof value === 'string' ? Number(value) : value;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      return {
        kind: 'unknown',
        reason: `count must be a whole number, not ${JSON.stringify(value)}`,
        refs: [],
      };
    }
    if (count > MAX_INSTANCES) return tooMany('count', count);
    return { kind: 'count', count };
  }
  if (body.for_each !== undefined) {
    const value = evaluateValue(body.for_each, ctx);
    if (isUnresolved(value)) return unresolvedExpansion('for_each is not known statically', value);
    if (Array.isArray(value)) {
      if (value.some((item) => typeof item !== 'string')) {
        const unresolved = value.filter(isUnresolved);
        if (unresolved.length > 0)
          return unresolvedExpansion('for_each set elements are not known statically', unresolved);
        return { kind: 'unknown', reason: 'for_each must be a map or a set of strings', refs: [] };
      }
      const keys = [...new Set(value as string[])].sort();
      if (keys.length > MAX_INSTANCES) return tooMany('for_each', keys.length);
      return { kind: 'each', entries: keys.map((key) => [key, key] as const) };
    }
    if (isPlainObject(value)) {
      const size = Object.keys(value).length;
      if (size > MAX_INSTANCES) return tooMany('for_each', size);
      return {
        kind: 'each',
        entries: Object.keys(value)
          .sort()
          .map((key) => [key, value[key]] as const),
      };
    }
    return {
      kind: 'unknown',
      reason: `for_each must be a map or a set of strings, not ${JSON.stringify(value)}`,
      refs: [],
    };
  }
  return { kind: 'single' };
}

function unresolvedExpansion(reason: string, value: unknown): Expansion {
  const known = unknownFrom([value]);
  return { kind: 'unknown', reason: `${reason} (${known.$unknown})`, refs: known.refs ?? [] };
}

interface ChildInstance {
  readonly key: string | number | undefined;
  readonly instance: ModuleInstance;
}

const CYCLE = Symbol('cycle');

/**
 * One instance of a module (the root, `module.app`, `module.app["a"]`): it answers references made by
 * its expressions, lazily and memoised, so locals, outputs and `count`/`for_each` are evaluated in
 * dependency order and a cycle is detected instead of recursing forever.
 */
export class ModuleInstance implements EvalHost {
  private readonly memo = new Map<string, unknown>();
  private readonly active: string[] = [];
  readonly ctx: EvalContext;

  constructor(
    readonly state: ScanState,
    readonly config: ModuleConfig,
    /** `''` for the root, else `module.app` / `module.app["a"].module.db`. */
    readonly prefix: string,
    /** Input variable values set by the caller (lazy, evaluated in the caller's scope), or root values. */
    private readonly inputs: (name: string) => { value: unknown } | undefined,
    /** Provider configurations visible here: `aws`, `aws.west` → region (lazy). */
    readonly providers: ReadonlyMap<string, () => unknown>,
    private readonly missingInput: (name: string) => string,
  ) {
    this.ctx = { host: this, vars: new Map() };
  }

  address(local: string): string {
    return this.prefix ? `${this.prefix}.${local}` : local;
  }

  modelId(local: string): string {
    return tfModelId(this.state.inputKey, this.address(local));
  }

  /** Memoised evaluation with cycle detection: a key re-entered while it is computed is a cycle. */
  private cached<T>(key: string, compute: () => T, onCycle: (chain: string[]) => T): T {
    if (this.memo.has(key)) {
      const value = this.memo.get(key);
      if (value === CYCLE) return onCycle([...this.active.slice(this.active.indexOf(key)), key]);
      return value as T;
    }
    this.memo.set(key, CYCLE);
    this.active.push(key);
    try {
      const value = compute();
      this.memo.set(key, value);
      return value;
    } finally {
      this.active.pop();
      if (this.memo.get(key) === CYCLE) this.memo.delete(key);
    }
  }

  /**
   * A mistake Terraform itself rejects (a reference to something not declared, a call to a function
   * Terraform does not have): the expression is unknown, and the mistake is an input error at the block
   * being evaluated, once.
   */
  configurationError(message: string): ExpressionError {
    this.report(message);
    return new ExpressionError(message);
  }

  report(message: string): void {
    const { file, line } = this.state.location;
    if (
      !this.state.errors.some(
        (error) => error.file === file && error.line === line && error.message === message,
      )
    )
      this.state.errors.push({ file, line, message });
  }

  variable(name: string): unknown {
    const declared = this.config.variables.get(name);
    if (!declared) throw this.configurationError(`reference to undeclared variable "${name}"`);
    return this.cached(
      `var.${name}`,
      () => {
        const body = declared.raw as Record<string, unknown>;
        const given = this.inputs(name);
        // A null input keeps null unless the variable is declared `nullable = false` (Terraform 1.1+).
        const useDefault = given === undefined || (given.value === null && body.nullable === false);
        if (!useDefault) return convertToType(given.value, body.type, this.ctx);
        if (body.default === undefined) return unknown(this.missingInput(name));
        return convertToType(evaluateValue(body.default, this.ctx), body.type, this.ctx);
      },
      (chain) => unknown(`variable "${name}" depends on itself (${chain.join(' → ')})`),
    );
  }

  local(name: string): unknown {
    const declared = this.config.locals.get(name);
    if (!declared) throw this.configurationError(`reference to undeclared local value local.${name}`);
    return this.cached(
      `local.${name}`,
      () => evaluateValue(declared.raw, this.ctx),
      (chain) => {
        const message = `local value cycle: ${chain.join(' → ')}`;
        if (!this.state.errors.some((error) => error.message === message)) {
          this.state.errors.push({ file: declared.file, line: declared.line, message });
        }
        return unknown(message);
      },
    );
  }

  expansion(resource: ResourceConfig): Expansion {
    return this.cached(
      `expand.${resource.type}.${resource.name}`,
      () =>
        this.reportProblem(
          expansionOf(resource.body, this.ctx),
          resource,
          `${resource.type}.${resource.name}`,
        ),
      (chain) => ({
        kind: 'unknown',
        reason: `count/for_each depends on itself (${chain.join(' → ')})`,
        refs: [],
      }),
    );
  }

  /** Value of a resource as other expressions see it: one reference, a list (count) or a map (for_each). */
  resourceValue(resource: ResourceConfig): unknown {
    const local = `${resource.type}.${resource.name}`;
    const expansion = this.expansion(resource);
    const ref = (suffix: string): ResourceRef => ({ $ref: this.modelId(`${local}${suffix}`) });
    switch (expansion.kind) {
      case 'count':
        return Array.from({ length: expansion.count }, (_, index) => ref(`[${index}]`));
      case 'each':
        return Object.fromEntries(expansion.entries.map(([key]) => [key, ref(`[${JSON.stringify(key)}]`)]));
      default:
        return ref('');
    }
  }

  /**
   * A data source the provider computes from its arguments alone (`aws_iam_policy_document`): one value,
   * a list (count) or a map (for_each) of `{json, minified_json}` like a resource reference.
   */
  private offlineDataValue(block: ResourceConfig): unknown {
    const local = `data.${block.type}.${block.name}`;
    return this.cached(
      local,
      () => {
        const expansion = this.cached(
          `expand.${local}`,
          () => this.reportProblem(expansionOf(block.body, this.ctx), block, local),
          (chain) => ({
            kind: 'unknown' as const,
            reason: `count/for_each depends on itself (${chain.join(' → ')})`,
            refs: [],
          }),
        );
        const at = this.state.location;
        const render = (vars: Record<string, unknown>): unknown => {
          this.state.location = { file: block.file, line: block.line };
          try {
            const values: Record<string, unknown> = {};
            evaluateBlockInto(
              block.body,
              { host: this, vars: new Map(Object.entries(vars)) },
              values,
              DATA_META,
            );
            const json = renderPolicyDocument(values);
            return { json, minified_json: json, id: unknown(`${local}.id is known at plan time`) };
          } catch (error) {
            if (!(error instanceof ExpressionError)) throw error;
            return unknown(`${local}: ${error.message}`);
          } finally {
            this.state.location = at;
          }
        };
        const instances = instancesOf(expansion, local);
        if (expansion.kind === 'count') return instances.map((instance) => render(instance.vars));
        if (expansion.kind === 'each')
          return Object.fromEntries(
            expansion.entries.map(([key], index) => [key, render(instances[index]?.vars ?? {})]),
          );
        if (expansion.kind === 'unknown') return unknown(`${local}: ${expansion.reason}`, expansion.refs);
        return render({});
      },
      (chain) => unknown(`${local} depends on itself (${chain.join(' → ')})`),
    );
  }

  /** An expansion the configuration got wrong (not merely unknown) is an input error with the block's place. */
  private reportProblem(expansion: Expansion, at: { file: string; line?: number }, what: string): Expansion {
    if (expansion.kind === 'unknown' && expansion.problem)
      this.state.errors.push({
        file: at.file,
        line: at.line,
        message: `${this.address(what)}: ${expansion.reason}`,
      });
    return expansion;
  }

  callExpansion(call: ModuleCall): Expansion {
    return this.cached(
      `expand.module.${call.name}`,
      () => this.reportProblem(expansionOf(call.body, this.ctx), call, `module.${call.name}`),
      (chain) => ({
        kind: 'unknown',
        reason: `count/for_each depends on itself (${chain.join(' → ')})`,
        refs: [],
      }),
    );
  }

  children(call: ModuleCall): ChildInstance[] {
    return this.cached(
      `module.${call.name}`,
      () => {
        const child = call.child;
        if (!child) return [];
        const expansion = this.callExpansion(call);
        const base = this.address(`module.${call.name}`);
        const expandedInstances = instancesOf(expansion, `module.${call.name}`);
        if (!spendInstances(this.state, expandedInstances.length, call)) return [];
        return expandedInstances.map((expanded, index) => {
          const vars = expanded.vars;
          const ctx: EvalContext = { host: this, vars: new Map(Object.entries(vars)) };
          const providers = childProviders(this, call.body.providers);
          const instance = new ModuleInstance(
            this.state,
            child,
            `${base}${expanded.suffix}`,
            (name) => {
              if (!(name in call.body) || META_ARGUMENTS.has(name)) return undefined;
              return { value: evaluateValue(call.body[name], ctx) };
            },
            providers,
            (name) => `module "${call.name}" does not set variable "${name}", which has no default`,
          );
          withOwnProviders(instance, providers);
          const key =
            expansion.kind === 'count'
              ? index
              : expansion.kind === 'each'
                ? expansion.entries[index]?.[0]
                : undefined;
          return { key, instance };
        });
      },
      () => [],
    );
  }

  output(instance: ModuleInstance, name: string): unknown {
    const declared = instance.config.outputs.get(name);
    if (!declared) throw new ExpressionError(`module ${instance.prefix} has no output "${name}"`);
    return instance.cached(
      `output.${name}`,
      () => evaluateValue(declared.raw, instance.ctx),
      (chain) => unknown(`output "${name}" depends on itself (${chain.join(' → ')})`),
    );
  }

  private allOutputs(instance: ModuleInstance): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const name of instance.config.outputs.keys()) out[name] = this.output(instance, name);
    return out;
  }

  private moduleReference(steps: readonly Step[]): { value: unknown; consumed: number } {
    const [first, second, third] = steps;
    if (!first || !('attr' in first)) throw new ExpressionError('"module" must be followed by a module name');
    const call = this.config.calls.get(first.attr);
    if (!call) throw this.configurationError(`reference to undeclared module "${first.attr}"`);
    if (!call.child)
      return {
        value: unknown(call.problem ?? `module "${call.name}" is not loaded`),
        consumed: steps.length,
      };
    const expansion = this.callExpansion(call);
    const children = this.children(call);
    if (expansion.kind === 'single' || expansion.kind === 'unknown') {
      const [only] = children;
      if (!only) return { value: unknown(`module "${call.name}" has no instance`), consumed: steps.length };
      if (expansion.kind === 'unknown') {
        return {
          value: unknown(`module "${call.name}": ${expansion.reason}`, expansion.refs),
          consumed: steps.length,
        };
      }
      if (second && 'attr' in second) return { value: this.output(only.instance, second.attr), consumed: 2 };
      return { value: this.allOutputs(only.instance), consumed: 1 };
    }
    if (second && 'index' in second) {
      if (isUnresolved(second.index)) return { value: unknownFrom([second.index]), consumed: steps.length };
      const wanted = expansion.kind === 'count' ? Number(second.index) : String(second.index);
      const match = children.find((child) => child.key === wanted);
      if (!match)
        throw new ExpressionError(`module "${call.name}" has no instance [${JSON.stringify(second.index)}]`);
      if (third && 'attr' in third) return { value: this.output(match.instance, third.attr), consumed: 3 };
      return { value: this.allOutputs(match.instance), consumed: 2 };
    }
    if (expansion.kind === 'count')
      return { value: children.map((child) => this.allOutputs(child.instance)), consumed: 1 };
    return {
      value: Object.fromEntries(
        children.map((child) => [String(child.key), this.allOutputs(child.instance)]),
      ),
      consumed: 1,
    };
  }

  reference(root: string, steps: readonly Step[]): { value: unknown; consumed: number } | undefined {
    const [first] = steps;
    const name = first && 'attr' in first ? first.attr : undefined;
    switch (root) {
      case 'var':
        if (!name) throw new ExpressionError('"var" must be followed by a variable name');
        return { value: this.variable(name), consumed: 1 };
      case 'local':
        if (!name) throw new ExpressionError('"local" must be followed by a name');
        return { value: this.local(name), consumed: 1 };
      case 'module':
        return this.moduleReference(steps);
      case 'data': {
        const second = steps[1];
        const dataName = second && 'attr' in second ? second.attr : '';
        if (!name || !this.config.dataSources.has(`${name}.${dataName}`)) {
          throw this.configurationError(`reference to undeclared data source data.${name ?? ''}.${dataName}`);
        }
        const offline = this.config.dataBlocks.get(`${name}.${dataName}`);
        if (offline && OFFLINE_DATA_SOURCES.has(offline.type))
          return { value: this.offlineDataValue(offline), consumed: 2 };
        return { value: unknown(`data.${name}.${dataName} is read at plan time`), consumed: steps.length };
      }
      case 'path': {
        const paths: Record<string, string> = {
          module: displayPath(this.state.rootDir, this.config.dir),
          root: '.',
          cwd: this.state.rootDir,
        };
        if (!name || !(name in paths)) throw new ExpressionError(`unknown path.${name ?? ''}`);
        return { value: paths[name], consumed: 1 };
      }
      case 'terraform':
        if (name === 'workspace') return { value: 'default', consumed: 1 };
        throw new ExpressionError(`unknown terraform.${name ?? ''}`);
      case 'self':
        return { value: unknown('self is known only after apply'), consumed: steps.length };
      case 'count':
      case 'each':
        throw new ExpressionError(
          `${root} is only available in blocks that set ${root === 'count' ? 'count' : 'for_each'}`,
        );
      default: {
        if (!name) return undefined;
        const resource = this.config.resourceIndex.get(`${root}.${name}`);
        if (!resource) {
          if (root.includes('_'))
            throw this.configurationError(`reference to undeclared resource ${root}.${name}`);
          return undefined;
        }
        return { value: this.resourceValue(resource), consumed: 1 };
      }
    }
  }

  readFile(path: string): string {
    const candidates = isAbsolute(path)
      ? [path]
      : [resolve(this.state.rootDir, path), resolve(this.config.dir, path)];
    for (const candidate of candidates) {
      if (!existsSync(candidate)) continue;
      try {
        return readFileSync(candidate, 'utf8');
      } catch {
        break;
      }
    }
    const message = `file("${path}"): no such file (paths are relative to the root module, e.g. "\${path.module}/${path}")`;
    const { file, line } = this.state.location;
    if (
      !this.state.errors.some(
        (error) => error.file === file && error.line === line && error.message === message,
      )
    ) {
      this.state.errors.push({ file, line, message });
    }
    throw new ExpressionError(message);
  }
}

/** Data sources the AWS provider computes without calling AWS (rendered in a folder scan). */
const OFFLINE_DATA_SOURCES = new Set(['aws_iam_policy_document']);

/** Meta-arguments of a data block. */
const DATA_META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle']);

/** Arguments of a module block that are not input variables. */
export const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** `providers = { aws = aws.west }` maps the caller's configurations into the child (default: inherit). */
function childProviders(parent: ModuleInstance, mapping: unknown): Map<string, () => unknown> {
  const out = new Map(parent.providers);
  if (isPlainObject(mapping)) {
    for (const [childKey, raw] of Object.entries(mapping)) {
      const parentKey = typeof raw === 'string' ? raw.replace(/^\$\{|\}$/g, '').trim() : '';
      const region = parent.providers.get(parentKey);
      if (region) out.set(childKey, region);
    }
  }
  return out;
}

/** Adds the provider blocks declared in a module (the root, or a legacy child with its own providers). */
export function withOwnProviders(instance: ModuleInstance, providers: Map<string, () => unknown>): void {
  for (const provider of instance.config.providers) {
    let memo: { value: unknown } | undefined;
    providers.set(provider.key, () => {
      memo ??= {
        value:
          provider.body.region === undefined ? undefined : evaluateValue(provider.body.region, instance.ctx),
      };
      return memo.value;
    });
  }
}
