import type { InputError } from '../../model/resource.js';
import { isUnknown, type ResourceRef, unknown } from '../../model/values.js';
import { jsonErrorOf } from '../input-text.js';
import { type TfInstance, tfModelId } from './build.js';

/** `terraform show -json` format versions this adapter reads (the major version is the contract). */
const SUPPORTED_FORMAT = /^(0\.[12]|1\.\d+)$/;

interface PlanResource {
  address?: string;
  mode?: string;
  type?: string;
  name?: string;
  index?: number | string;
  provider_name?: string;
  values?: Record<string, unknown>;
}
interface PlanModule {
  address?: string;
  resources?: PlanResource[];
  child_modules?: PlanModule[];
}
interface ResourceChange {
  address?: string;
  mode?: string;
  type?: string;
  change?: { actions?: string[]; after?: unknown; after_unknown?: unknown };
}
interface ConfigExpression {
  constant_value?: unknown;
  references?: string[];
}
interface ConfigResource {
  address?: string;
  mode?: string;
  type?: string;
  name?: string;
  provider_config_key?: string;
  expressions?: Record<string, unknown>;
}
interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<
    string,
    { source?: string; expressions?: Record<string, unknown>; module?: ConfigModule }
  >;
  outputs?: Record<string, { expression?: ConfigExpression }>;
  variables?: Record<string, unknown>;
}

export interface PlanOutput {
  readonly instances: TfInstance[];
  readonly errors: InputError[];
}

/** Removes instance keys from an address: `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`. */
function configAddressOf(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

/** `module.a["x"].module.b[0]` → module instance prefix; the resource part after the last module segment. */
function splitModule(address: string): { module: string; local: string } {
  const match = /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)(.*)$/.exec(address);
  const modulePart = match?.[1] ?? '';
  return { module: modulePart.replace(/\.$/, ''), local: match?.[2] ?? address };
}

/**
 * Reads a plan (`terraform show -json plan.out`) into resource instances: planned values (child modules at
 * any depth), `after_unknown` as explicit unknowns, and the configuration's expression references turned
 * into `ResourceRef`s so that resources joined by ids known only after apply are still joined.
 */
export function loadTerraformPlan(file: string, text: string): PlanOutput {
  try {
    return readPlan(file, text);
  } catch (error) {
    // The shape checks below cover what Terraform writes; anything else is a malformed plan, never a crash.
    return {
      instances: [],
      errors: [
        {
          file,
          message: `malformed Terraform plan: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function asList<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function asObject<T>(value: unknown): T | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : undefined;
}

function readPlan(file: string, text: string): PlanOutput {
  const errors: InputError[] = [];
  let plan: Record<string, unknown>;
  try {
    plan = JSON.parse(text);
  } catch (error) {
    return { instances: [], errors: [{ file, ...jsonErrorOf(text, error) }] };
  }
  if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) {
    return {
      instances: [],
      errors: [{ file, line: 1, message: 'not a Terraform plan: the document is not an object' }],
    };
  }
  const formatVersion = plan.format_version;
  if (typeof formatVersion !== 'string') {
    return {
      instances: [],
      errors: [
        {
          file,
          message:
            formatVersion === undefined
              ? 'not a Terraform plan: no "format_version" (produce it with `terraform show -json plan.out`)'
              : `not a Terraform plan: "format_version" must be a string such as "1.2", not ${kindOf(formatVersion)}`,
        },
      ],
    };
  }
  if (!SUPPORTED_FORMAT.test(formatVersion)) {
    return {
      instances: [],
      errors: [
        { file, message: `unsupported plan format_version "${formatVersion}" (supported: 0.1, 0.2, 1.x)` },
      ],
    };
  }
  // Every container the adapter reads must have the shape Terraform writes: one that does not would
  // otherwise be read as empty, and the plan would pass with resources never judged.
  const shapeError = (path: string, expected: string, value: unknown) =>
    errors.push({
      file,
      message: `malformed Terraform plan: ${path} must be ${expected}, not ${kindOf(value)}`,
    });
  const rootModuleOf = (holder: unknown, path: string): PlanModule | undefined => {
    if (holder === undefined || holder === null) return undefined;
    if (!asObject(holder)) {
      shapeError(path, 'an object', holder);
      return undefined;
    }
    const rootModule = (holder as { root_module?: unknown }).root_module;
    if (rootModule === undefined || rootModule === null) return undefined;
    if (!asObject(rootModule)) {
      shapeError(`${path}.root_module`, 'an object', rootModule);
      return undefined;
    }
    return rootModule as PlanModule;
  };
  const planned = rootModuleOf(plan.planned_values, 'planned_values');
  const priorState = plan.prior_state;
  if (priorState !== undefined && priorState !== null && !asObject(priorState))
    shapeError('prior_state', 'an object', priorState);
  const prior = rootModuleOf(asObject<{ values?: unknown }>(priorState)?.values, 'prior_state.values');
  if (!planned && !prior) {
    if (errors.length > 0) return { instances: [], errors };
    return {
      instances: [],
      errors: [{ file, message: 'Terraform plan has neither planned_values nor prior_state' }],
    };
  }
  if (
    plan.resource_changes !== undefined &&
    plan.resource_changes !== null &&
    !Array.isArray(plan.resource_changes)
  )
    shapeError('resource_changes', 'a list', plan.resource_changes);
  if (plan.configuration !== undefined && plan.configuration !== null && !asObject(plan.configuration))
    shapeError('configuration', 'an object', plan.configuration);
  const changes = new Map<string, ResourceChange>();
  for (const change of asList<ResourceChange>(plan.resource_changes)) {
    if (typeof change?.address === 'string') changes.set(change.address, change);
  }
  const configuration = plan.configuration as
    | {
        root_module?: ConfigModule;
        provider_config?: Record<
          string,
          { name?: string; alias?: string; expressions?: Record<string, ConfigExpression> }
        >;
      }
    | undefined;
  const regions = providerRegions(asObject(configuration?.provider_config) ?? {});

  // Configuration resources by module path (no instance keys) and local address.
  const configByAddress = new Map<
    string,
    { resource: ConfigResource; modulePath: string; module: ConfigModule }
  >();
  const configModules = new Map<string, ConfigModule>();
  const walkConfig = (module: ConfigModule | undefined, modulePath: string) => {
    if (!module) return;
    configModules.set(modulePath, module);
    for (const resource of asList<ConfigResource>(module.resources)) {
      if (typeof resource?.address === 'string')
        configByAddress.set(modulePath ? `${modulePath}.${resource.address}` : resource.address, {
          resource,
          modulePath,
          module,
        });
    }
    for (const [name, call] of Object.entries(
      asObject<ConfigModule['module_calls']>(module.module_calls) ?? {},
    )) {
      walkConfig(
        asObject<ConfigModule>(call?.module),
        modulePath ? `${modulePath}.module.${name}` : `module.${name}`,
      );
    }
  };
  walkConfig(asObject<ConfigModule>(configuration?.root_module), '');

  // Every managed resource instance in planned values (or, for a destroy-only plan, prior state).
  const instances: { resource: PlanResource; moduleAddress: string }[] = [];
  const rootPath = planned ? 'planned_values.root_module' : 'prior_state.values.root_module';
  // Iterative: child modules nest as deep as the file says.
  const pending: { module: PlanModule; path: string }[] = [
    { module: (planned ?? prior) as PlanModule, path: rootPath },
  ];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { module, path } = item;
    if (module.resources !== undefined && module.resources !== null && !Array.isArray(module.resources))
      shapeError(`${path}.resources`, 'a list', module.resources);
    asList<unknown>(module.resources).forEach((entry, index) => {
      const resource = asObject<PlanResource>(entry);
      const at = `${path}.resources[${index}]`;
      if (!resource) {
        shapeError(at, 'an object', entry);
        return;
      }
      if (resource.mode !== undefined && resource.mode !== 'managed') return;
      if (typeof resource.address !== 'string' || typeof resource.type !== 'string') {
        errors.push({
          file,
          message: `malformed Terraform plan: ${at} has no ${typeof resource.address !== 'string' ? '"address"' : '"type"'} string; the resource is not judged`,
        });
        return;
      }
      if (resource.mode === undefined) {
        errors.push({ file, message: `malformed Terraform plan: ${at} (${resource.address}) has no "mode"` });
        return;
      }
      if (resource.values !== undefined && resource.values !== null && !asObject(resource.values))
        shapeError(`${at}.values`, 'an object', resource.values);
      instances.push({ resource, moduleAddress: typeof module.address === 'string' ? module.address : '' });
    });
    if (
      module.child_modules !== undefined &&
      module.child_modules !== null &&
      !Array.isArray(module.child_modules)
    )
      shapeError(`${path}.child_modules`, 'a list', module.child_modules);
    const children = asList<unknown>(module.child_modules);
    // Pushed last-first, so that modules are read in the file's order (depth first).
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index];
      const childModule = asObject<PlanModule>(child);
      if (childModule) pending.push({ module: childModule, path: `${path}.child_modules[${index}]` });
      else shapeError(`${path}.child_modules[${index}]`, 'an object', child);
    }
  }
  const addresses = new Set(instances.map((item) => item.resource.address as string));
  const byConfigAddress = new Map<string, string[]>();
  for (const address of addresses) {
    const key = configAddressOf(address);
    const list = byConfigAddress.get(key);
    if (list) list.push(address);
    else byConfigAddress.set(key, [address]);
  }

  /** The instance(s) a configuration reference such as `aws_kms_key.k.arn` names, seen from `fromAddress`. */
  const resolveReference = (
    reference: string,
    fromAddress: string,
    modulePath: string,
    depth = 0,
  ): { ids: string[]; attribute?: string } | undefined => {
    if (depth > 8) return undefined;
    const { module: moduleInstance } = splitModule(fromAddress);
    const parts = reference.split('.');
    if (parts[0] === 'var' && parts[1] && modulePath) {
      // A module input: follow the caller's expression for it.
      const parentPath = modulePath.replace(/\.?module\.[^.]+$/, '');
      const name = modulePath.slice(modulePath.lastIndexOf('.') + 1);
      const call = configModules.get(parentPath)?.module_calls?.[name];
      const expression = call?.expressions?.[parts[1]] as ConfigExpression | undefined;
      const parentInstance = moduleInstance.replace(/\.?module\.[^.]+(\[[^\]]*\])?$/, '');
      for (const ref of expression?.references ?? []) {
        const found = resolveReference(
          ref,
          parentInstance ? `${parentInstance}.x.y` : 'x.y',
          parentPath,
          depth + 1,
        );
        if (found) return found;
      }
      return undefined;
    }
    if (parts[0] === 'module' && parts[1] && parts[2]) {
      // A module output: follow the output's expression inside the module.
      // `module.x["a"].out`: the configuration path drops the instance key, the instance address keeps it.
      const callName = parts[1].replace(/\[.*$/, '');
      const childPath = modulePath ? `${modulePath}.module.${callName}` : `module.${callName}`;
      const output = configModules.get(childPath)?.outputs?.[parts[2]];
      const childInstance = moduleInstance ? `${moduleInstance}.module.${parts[1]}` : `module.${parts[1]}`;
      for (const ref of output?.expression?.references ?? []) {
        const found = resolveReference(ref, `${childInstance}.x.y`, childPath, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    if (
      parts[0] === 'data' ||
      parts[0] === 'local' ||
      parts[0] === 'var' ||
      parts[0] === 'each' ||
      parts[0] === 'count' ||
      parts[0] === 'path' ||
      parts[0] === 'self' ||
      parts.length < 2
    )
      return undefined;
    const type = parts[0] as string;
    const nameWithIndex = parts[1] as string;
    const name = nameWithIndex.replace(/\[.*$/, '');
    const indexMatch = /\[(.*)\]$/.exec(nameWithIndex);
    const localConfig = `${type}.${name}`;
    const configKey = modulePath ? `${modulePath}.${localConfig}` : localConfig;
    const candidates = (byConfigAddress.get(configKey) ?? []).filter(
      (address) => splitModule(address).module === moduleInstance,
    );
    if (candidates.length === 0) return undefined;
    const attribute = parts.slice(2).join('.') || undefined;
    if (indexMatch) {
      const wanted = `${moduleInstance ? `${moduleInstance}.` : ''}${localConfig}[${indexMatch[1]}]`;
      if (candidates.includes(wanted)) return { ids: [wanted], attribute };
    }
    if (candidates.length === 1) return { ids: candidates, attribute };
    // Same instance key as the referrer (count.index / each.key), else every instance.
    const ownKey = /(\[[^\]]*\])$/.exec(fromAddress)?.[1];
    const same = candidates.find((address) => ownKey && address.endsWith(ownKey));
    return same ? { ids: [same], attribute } : { ids: candidates, attribute };
  };

  const out: TfInstance[] = [];
  for (const { resource, moduleAddress } of instances) {
    const address = resource.address as string;
    const change = changes.get(address);
    const actions = change?.change?.actions ?? [];
    if (actions.length === 1 && actions[0] === 'delete') continue;
    let values = asObject<Record<string, unknown>>(resource.values) ?? {};
    const afterUnknown = change?.change?.after_unknown;
    if (afterUnknown && typeof afterUnknown === 'object')
      values = markUnknown(values, afterUnknown, 'known after apply') as Record<string, unknown>;
    const config = configByAddress.get(configAddressOf(address));
    const configured = new Set<string>();
    if (config?.resource.expressions) {
      values = applyReferences(values, config.resource.expressions, (reference) => {
        const found = resolveReference(reference, address, config.modulePath);
        if (!found) return undefined;
        const ids = found.ids.filter((id) => id !== address).map((id) => tfModelId(file, id));
        if (ids.length === 0) return undefined;
        for (const id of ids) configured.add(id);
        return ids.length === 1
          ? ({ $ref: ids[0] as string, attribute: found.attribute } satisfies ResourceRef)
          : unknown(`one of ${ids.length} instances`, ids);
      }) as Record<string, unknown>;
      values = withoutProviderComputed(values, config.resource.expressions);
    }
    const providerKey = config?.resource.provider_config_key ?? resource.provider_name ?? 'aws';
    out.push({
      format: 'terraform-plan',
      inputKey: file,
      address,
      type: resource.type as string,
      values,
      file,
      module: moduleAddress,
      region: regions.get(providerKey.replace(/^.*:/, '')) ?? regions.get('aws'),
      inlineSuppressions: [],
      references: [...configured],
    });
  }
  return { instances: out, errors };
}

/**
 * A top-level attribute the configuration does not set but the plan shows as "known after apply" is filled
 * in by the provider (an id, an ARN, a default): it is absent from the configuration, so the mapping's AWS
 * default applies — not an unknown. An attribute the configuration sets (even from a data source) stays unknown.
 */
function withoutProviderComputed(
  values: Record<string, unknown>,
  expressions: Record<string, unknown>,
): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(values)) {
    if (
      key in expressions ||
      !isUnknown(value) ||
      value.refs?.length ||
      value.$unknown !== 'known after apply'
    )
      continue;
    // Identities stay: joins may need to know that an id exists even if its value does not.
    if (key === 'id' || key === 'arn') continue;
    out ??= { ...values };
    delete out[key];
  }
  return out ?? values;
}

function providerRegions(
  config: Record<string, { name?: string; alias?: string; expressions?: Record<string, ConfigExpression> }>,
): Map<string, string> {
  const regions = new Map<string, string>();
  for (const [key, provider] of Object.entries(config)) {
    const region = provider.expressions?.region?.constant_value;
    if (typeof region === 'string') regions.set(key, region);
  }
  return regions;
}

/** Sets `Unknown` wherever `after_unknown` is true, creating the path when planned values omit it. */
function markUnknown(value: unknown, mask: unknown, reason: string): unknown {
  if (mask === true) return unknown(reason);
  if (Array.isArray(mask)) {
    const list = Array.isArray(value) ? [...value] : [];
    mask.forEach((item, index) => {
      if (item === false || item === undefined) return;
      list[index] = markUnknown(list[index], item, reason);
    });
    return list;
  }
  if (mask && typeof mask === 'object') {
    const record: Record<string, unknown> =
      value && typeof value === 'object' && !Array.isArray(value)
        ? { ...(value as Record<string, unknown>) }
        : {};
    for (const [key, item] of Object.entries(mask)) {
      if (item === false) continue;
      record[key] = markUnknown(record[key], item, reason);
    }
    return record;
  }
  return value;
}

/**
 * Turns attributes whose configuration expression references a resource into references: a whole-value
 * reference becomes a `ResourceRef`; a known value keeps its value when the expression mixes several
 * references (an interpolated ARN), an unknown one keeps the refs for joins and the PHI boundary.
 */
function applyReferences(
  value: unknown,
  expressions: unknown,
  resolve: (reference: string) => unknown,
): unknown {
  if (!expressions || typeof expressions !== 'object') return value;
  if (Array.isArray(expressions)) {
    // A nested block list: expressions per block.
    if (!Array.isArray(value)) return value;
    return value.map((item, index) => applyReferences(item, expressions[index] ?? expressions[0], resolve));
  }
  const expression = expressions as ConfigExpression & Record<string, unknown>;
  if (Array.isArray(expression.references) && !('constant_value' in expression)) {
    const resolved = expression.references
      .map(resolve)
      .filter((item): item is ResourceRef | ReturnType<typeof unknown> => item !== undefined);
    // Terraform lists both `aws_x.y.arn` and `aws_x.y`: one target, keep the entry that names the attribute.
    const targets = new Map<string, unknown>();
    for (const item of resolved) {
      const key = isUnknown(item) ? `?${(item.refs ?? []).join(',')}` : (item as ResourceRef).$ref;
      const existing = targets.get(key) as ResourceRef | undefined;
      if (!existing || (!isUnknown(item) && (item as ResourceRef).attribute && !existing.attribute))
        targets.set(key, item);
    }
    const unique = [...targets.values()];
    if (
      unique.length === 1 &&
      !isUnknown(unique[0]) &&
      // A known value keeps its text (a policy, `/aws/lambda/${name}`); the reference is recorded on the
      // instance all the same, and identities let joins match known values.
      (value === undefined || isUnknown(value))
    ) {
      return unique[0];
    }
    if (Array.isArray(value) && unique.length > 0) {
      // `security_groups = [aws_security_group.lb.id]`: the list's elements are unknown; give them their references.
      const unknownItems = value.filter((item) => isUnknown(item)).length;
      const allRefs = [
        ...new Set(
          unique.flatMap((item) => (isUnknown(item) ? (item.refs ?? []) : [(item as ResourceRef).$ref])),
        ),
      ];
      let next = 0;
      return value.map((item) => {
        if (!isUnknown(item)) return item;
        if (unknownItems === unique.length) return unique[next++];
        return unknown(item.$unknown, allRefs);
      });
    }
    if (unique.length > 0 && (value === undefined || isUnknown(value))) {
      const refs = unique.flatMap((item) =>
        isUnknown(item) ? (item.refs ?? []) : [(item as ResourceRef).$ref],
      );
      return unknown(isUnknown(value) ? value.$unknown : 'known after apply', [...new Set(refs)]);
    }
    return value;
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && !isUnknown(value)) {
    const record: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [key, sub] of Object.entries(expression)) {
      if (key === 'references' || key === 'constant_value') continue;
      record[key] = applyReferences(record[key], sub, resolve);
    }
    return record;
  }
  return value;
}
