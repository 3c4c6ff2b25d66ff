import {
  isRef,
  isUnknown,
  type ParameterSource,
  type ResourceRef,
  type Unknown,
  unknown,
} from '../../model/values.js';
import { refsIn } from '../join.js';

/** Marker for `AWS::NoValue`: the property is removed, as CloudFormation does. */
const NO_VALUE = Symbol('AWS::NoValue');

export interface ResolverInput {
  readonly templateKey: string;
  readonly body: Record<string, unknown>;
  /** Values supplied for parameters (`--param`, config, or a parent stack's Parameters). */
  readonly parameterValues: Readonly<Record<string, unknown>>;
  /** Known pseudo parameter values (`AWS::Region`, `AWS::AccountId`, …). */
  readonly pseudo: Readonly<Record<string, string>>;
  readonly stackName: string;
  /** Reports a template problem (an undeclared `Ref`, a bad `Fn::Select`), with the resource it occurred in. */
  readonly report: (message: string, logicalId?: string) => void;
  /**
   * The value another template of the same scan exports under `name` (`Fn::ImportValue`), or `undefined`
   * when none does (then the import stays an unknown value from another stack).
   */
  readonly importValue?: (name: string) => unknown;
}

/**
 * Evaluates CloudFormation intrinsic functions over one template. What depends on deploy-time state
 * (`Fn::ImportValue`, `Fn::GetAZs`, an attribute of a resource, a parameter without a value) becomes an
 * explicit `Unknown`; a reference to another resource of the template becomes a `ResourceRef`.
 */
export class TemplateResolver {
  private readonly parameters = new Map<string, unknown>();
  private readonly conditionCache = new Map<string, boolean | Unknown>();
  private readonly conditionsInProgress = new Set<string>();
  private readonly resources: Record<string, unknown>;
  private readonly mappings: Record<string, unknown>;
  private readonly conditions: Record<string, unknown>;
  private currentResource: string | undefined;

  constructor(private readonly input: ResolverInput) {
    const body = input.body;
    this.resources = (body.Resources ?? {}) as Record<string, unknown>;
    this.mappings = asRecord(body.Mappings);
    this.conditions = asRecord(body.Conditions);
    for (const [name, declaration] of Object.entries(asRecord(body.Parameters))) {
      this.parameters.set(name, this.parameterValue(name, asRecord(declaration)));
    }
  }

  modelId(logicalId: string): string {
    return `${this.input.templateKey}#${logicalId}`;
  }

  private parameterValue(name: string, declaration: Record<string, unknown>): unknown {
    const type = typeof declaration.Type === 'string' ? declaration.Type : 'String';
    const supplied = this.input.parameterValues[name];
    const raw = supplied !== undefined ? supplied : declaration.Default;
    // Marked so rules can find a NoEcho value (a secret) where a resource stores it in plaintext.
    const parameter: ParameterSource = {
      name,
      noEcho: declaration.NoEcho === true || declaration.NoEcho === 'true',
    };
    if (raw === undefined)
      return unknown(`the value of parameter ${name}, which has none (pass --param ${name}=…)`, undefined, {
        parameter,
      });
    if (isUnknown(raw)) {
      // A parent stack's value: a secret of the parent stays marked as such; a NoEcho child parameter marks it.
      return parameter.noEcho && raw.parameter?.noEcho !== true ? { ...raw, parameter } : raw;
    }
    if (isRef(raw)) return raw;
    // SSM-backed parameters are read at deploy time; the default is a parameter name, not the value.
    if (type.startsWith('AWS::SSM::Parameter::Value'))
      return unknown(`the value of parameter ${name}, read from SSM at deploy time`, undefined, {
        parameter,
      });
    if ((type === 'CommaDelimitedList' || type.startsWith('List<')) && typeof raw === 'string') {
      return raw.split(',').map((item) => item.trim());
    }
    return raw;
  }

  /** Whether a resource with `Condition: name` is created: true, false, or unknown. */
  condition(name: string): boolean | Unknown {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    if (!Object.hasOwn(this.conditions, name)) {
      this.input.report(`condition "${name}" is not declared under Conditions`, this.currentResource);
      return unknown(`condition ${name} is not declared`);
    }
    if (this.conditionsInProgress.has(name)) {
      this.input.report(`condition "${name}" refers to itself`, this.currentResource);
      return unknown(`condition ${name} is circular`);
    }
    this.conditionsInProgress.add(name);
    const value = this.evaluateCondition(own(this.conditions, name));
    this.conditionsInProgress.delete(name);
    this.conditionCache.set(name, value);
    return value;
  }

  private evaluateCondition(expression: unknown): boolean | Unknown {
    if (typeof expression === 'boolean') return expression;
    if (expression === 'true' || expression === 'false') return expression === 'true';
    const single = singleKey(expression);
    if (!single) return unknown('condition is not a condition function');
    const [fn, args] = single;
    switch (fn) {
      case 'Condition':
        return typeof args === 'string' ? this.condition(args) : unknown('Condition takes a name');
      case 'Fn::Equals': {
        if (!Array.isArray(args) || args.length !== 2) return unknown('Fn::Equals takes two values');
        const a = this.resolve(args[0]);
        const b = this.resolve(args[1]);
        if (isUnknown(a)) return a;
        if (isUnknown(b)) return b;
        if (isRef(a) || isRef(b)) return unknown('Fn::Equals compares a resource attribute');
        return String(a) === String(b) || JSON.stringify(a) === JSON.stringify(b);
      }
      case 'Fn::Not': {
        const inner = Array.isArray(args) ? this.evaluateCondition(args[0]) : unknown('Fn::Not takes a list');
        return isUnknown(inner) ? inner : !inner;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (!Array.isArray(args)) return unknown(`${fn} takes a list`);
        const values = args.map((arg) => this.evaluateCondition(arg));
        const decisive = fn !== 'Fn::And';
        if (values.includes(decisive)) return decisive;
        const firstUnknown = values.find(isUnknown);
        return firstUnknown ?? !decisive;
      }
      default:
        return unknown(`${fn} is not a condition function`);
    }
  }

  /**
   * Names this template exports (`Outputs.*.Export.Name`), each with its output's logical id. An output whose
   * condition is false exports nothing; a name known only at deploy time cannot be matched and is left out.
   */
  exports(): Map<string, string> {
    const names = new Map<string, string>();
    for (const [outputId, declaration] of Object.entries(asRecord(this.input.body.Outputs))) {
      const output = asRecord(declaration);
      const exported = asRecord(output.Export);
      if (exported.Name === undefined) continue;
      if (typeof output.Condition === 'string' && this.condition(output.Condition) === false) continue;
      const name = this.resolveFor(undefined, exported.Name);
      if (typeof name === 'string' && name !== '') names.set(name, outputId);
    }
    return names;
  }

  /** The value of an output (what an importing stack receives). */
  outputValue(outputId: string): unknown {
    return this.resolveFor(undefined, asRecord(asRecord(this.input.body.Outputs)[outputId]).Value);
  }

  /** Resolves the Properties (or any fragment) of a resource. */
  resolveFor(logicalId: string | undefined, value: unknown): unknown {
    // Re-entrant: an import met while resolving a resource may resolve another template's output.
    const outer = this.currentResource;
    this.currentResource = logicalId;
    const resolved = this.resolve(value);
    this.currentResource = outer;
    return resolved === NO_VALUE ? undefined : resolved;
  }

  /**
   * Resolves a fragment. Copy-on-write: a list or mapping without intrinsics inside is returned as it is, so
   * a large template allocates only where it had something to resolve (most of a scan's garbage otherwise).
   */
  resolve(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      for (let index = 0; index < value.length; index++) {
        const item = value[index];
        const resolved = this.resolve(item);
        if (out === undefined && resolved !== item) out = value.slice(0, index);
        if (out !== undefined && resolved !== NO_VALUE) out.push(resolved);
      }
      return out ?? value;
    }
    if (isUnknown(value) || isRef(value)) return value;
    const record = value as Record<string, unknown>;
    // Keys once, no entry pairs: this runs on every object of every template.
    const keys = Object.keys(record);
    if (keys.length === 1) {
      const key = keys[0] as string;
      if (key === 'Ref' || key.startsWith('Fn::')) return this.intrinsic(key, record[key]);
    }
    let out: Record<string, unknown> | undefined;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as string;
      const item = record[key];
      const resolved = this.resolve(item);
      if (out === undefined && resolved !== item) {
        out = {};
        for (let before = 0; before < index; before++) {
          const k = keys[before] as string;
          setOwn(out, k, record[k]);
        }
      }
      if (out !== undefined && resolved !== NO_VALUE) setOwn(out, key, resolved);
    }
    return out ?? value;
  }

  private ref(name: string): unknown {
    if (this.parameters.has(name)) return this.parameters.get(name);
    if (Object.hasOwn(this.resources, name)) return { $ref: this.modelId(name) } satisfies ResourceRef;
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (name.startsWith('AWS::')) {
      const known = this.input.pseudo[name];
      if (known !== undefined) return known;
      if (name === 'AWS::StackName') return this.input.stackName;
      if (name === 'AWS::Partition') return 'aws';
      if (name === 'AWS::URLSuffix') return 'amazonaws.com';
      return unknown(`${name}, known at deploy time`);
    }
    this.input.report(`Ref to "${name}", which is neither a parameter nor a resource`, this.currentResource);
    return unknown(`Ref to undeclared ${name}`);
  }

  private intrinsic(fn: string, args: unknown): unknown {
    switch (fn) {
      case 'Ref':
        return typeof args === 'string' ? this.ref(args) : this.bad(fn, 'takes a name');
      case 'Fn::GetAtt': {
        const parts =
          typeof args === 'string'
            ? splitOnce(args, '.')
            : Array.isArray(args)
              ? args.map((a) => this.resolve(a))
              : [];
        const [target, attribute] = parts;
        if (typeof target !== 'string' || typeof attribute !== 'string')
          return this.bad(fn, 'takes [LogicalId, Attribute]');
        if (!Object.hasOwn(this.resources, target)) {
          this.input.report(
            `Fn::GetAtt refers to "${target}", which is not a resource`,
            this.currentResource,
          );
          return unknown(`GetAtt of undeclared ${target}`);
        }
        return { $ref: this.modelId(target), attribute } satisfies ResourceRef;
      }
      case 'Fn::Sub':
        return this.sub(args);
      case 'Fn::Join': {
        if (!Array.isArray(args) || args.length !== 2) return this.bad(fn, 'takes [delimiter, [values]]');
        const delimiter = this.resolve(args[0]);
        const values = this.resolve(args[1]);
        if (isUnknown(values)) return values;
        if (typeof delimiter !== 'string' || !Array.isArray(values))
          return this.bad(fn, 'takes [delimiter, [values]]');
        return joinStrings(values, delimiter, 'Fn::Join');
      }
      case 'Fn::Select': {
        if (!Array.isArray(args) || args.length !== 2) return this.bad(fn, 'takes [index, list]');
        const index = this.resolve(args[0]);
        const values = this.resolve(args[1]);
        if (isUnknown(index)) return index;
        if (isUnknown(values)) return values;
        // A list attribute of a resource (`!GetAtt Eni.SecondaryPrivateIpAddresses`) is known at deploy time.
        if (isRef(values))
          return unknown(`an element of ${values.$ref}.${values.attribute ?? ''}`, [values.$ref]);
        if (!Array.isArray(values)) return this.bad(fn, 'takes a list');
        const position = Number(index);
        if (!Number.isInteger(position) || position < 0 || position >= values.length) {
          if (values.length === 0) return unknown('Fn::Select from an empty list');
          return this.bad(fn, `index ${String(index)} is out of range (list has ${values.length})`);
        }
        return values[position];
      }
      case 'Fn::Split': {
        if (!Array.isArray(args) || args.length !== 2) return this.bad(fn, 'takes [delimiter, string]');
        const delimiter = this.resolve(args[0]);
        const source = this.resolve(args[1]);
        if (isUnknown(source)) return source;
        if (typeof delimiter !== 'string' || typeof source !== 'string') {
          return unknown('Fn::Split of a value known at deploy time', refsIn(source));
        }
        return source.split(delimiter);
      }
      case 'Fn::FindInMap': {
        if (!Array.isArray(args) || args.length < 3)
          return this.bad(fn, 'takes [MapName, TopLevelKey, SecondLevelKey]');
        const [mapName, top, second] = args.slice(0, 3).map((a) => this.resolve(a));
        const fallback = args[3] !== undefined ? asRecord(args[3]).DefaultValue : undefined;
        if (isUnknown(mapName)) return mapName;
        if (isUnknown(top) || isUnknown(second))
          return this.mapCandidates(String(mapName), top, second, fallback);
        const map = asRecord(own(this.mappings, String(mapName)));
        const value = own(asRecord(own(map, String(top))), String(second));
        if (value === undefined) {
          if (fallback !== undefined) return this.resolve(fallback);
          this.input.report(
            `Fn::FindInMap: mapping ${String(mapName)} has no ${String(top)}.${String(second)}`,
            this.currentResource,
          );
          return unknown(`mapping ${String(mapName)}.${String(top)}.${String(second)} not found`);
        }
        return this.resolve(value);
      }
      case 'Fn::If': {
        if (!Array.isArray(args) || args.length !== 3 || typeof args[0] !== 'string') {
          return this.bad(fn, 'takes [ConditionName, valueIfTrue, valueIfFalse]');
        }
        const decision = this.condition(args[0]);
        if (isUnknown(decision)) {
          const branches = [this.resolve(args[1]), this.resolve(args[2])];
          return unknown(
            `decided by condition ${args[0]} (${decision.$unknown})`,
            branches.flatMap((branch) => refsIn(branch)),
            { parameter: parameterIn(branches), candidates: candidatesOf(branches) },
          );
        }
        return this.resolve(decision ? args[1] : args[2]);
      }
      case 'Fn::GetAZs':
        return unknown("the region's availability zones, known at deploy time");
      case 'Fn::ImportValue': {
        // Exported by a template of this scan (a CDK cross-stack reference, a network stack's subnets): its value.
        const name = this.input.importValue ? this.resolve(args) : undefined;
        const exported = typeof name === 'string' ? this.input.importValue?.(name) : undefined;
        if (exported !== undefined) return exported;
        return unknown('imported from another stack (Fn::ImportValue)', undefined, { imported: true });
      }
      case 'Fn::Base64': {
        const inner = this.resolve(args);
        return typeof inner === 'string'
          ? Buffer.from(inner, 'utf8').toString('base64')
          : unknown('Fn::Base64 of a value known at deploy time', refsIn(inner), {
              parameter: parameterIn([inner]),
            });
      }
      case 'Fn::Cidr':
        return unknown('Fn::Cidr is computed at deploy time');
      case 'Fn::ToJsonString': {
        const inner = this.resolve(args);
        return refsIn(inner).length > 0 || containsUnknown(inner)
          ? unknown('Fn::ToJsonString of values known at deploy time', refsIn(inner), {
              parameter: parameterIn([inner]),
            })
          : JSON.stringify(inner);
      }
      case 'Fn::Length': {
        const inner = this.resolve(args);
        return Array.isArray(inner) ? inner.length : unknown('Fn::Length of a value known at deploy time');
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
        return this.evaluateCondition({ [fn]: args });
      case 'Fn::Transform':
        return unknown('the output of a macro (Fn::Transform), known at deploy time');
      default:
        return this.bad(fn, 'is not a known intrinsic function');
    }
  }

  private sub(args: unknown): unknown {
    let template: unknown;
    let variables: Record<string, unknown> = {};
    if (typeof args === 'string') template = args;
    else if (Array.isArray(args) && typeof args[0] === 'string') {
      template = args[0];
      variables = asRecord(this.resolve(args[1] ?? {}));
    } else return this.bad('Fn::Sub', 'takes a string or [string, {variables}]');
    const parts: unknown[] = [];
    const text = template as string;
    const pattern = /\$\{([^}]*)\}/g;
    let last = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      parts.push(text.slice(last, match.index));
      last = match.index + match[0].length;
      const name = (match[1] ?? '').trim();
      if (name.startsWith('!')) {
        parts.push(`\${${name.slice(1)}}`);
        continue;
      }
      if (Object.hasOwn(variables, name)) {
        parts.push(variables[name]);
        continue;
      }
      const dot = name.indexOf('.');
      if (dot > 0 && !name.startsWith('AWS::')) {
        parts.push(this.intrinsic('Fn::GetAtt', [name.slice(0, dot), name.slice(dot + 1)]));
      } else {
        const value = this.ref(name);
        parts.push(value === NO_VALUE ? '' : value);
      }
    }
    parts.push(text.slice(last));
    return joinStrings(parts, '', 'Fn::Sub');
  }

  /**
   * `Fn::FindInMap` whose top-level or second-level key is known only at deploy time (`!Ref AWS::Region`): unknown,
   * but over a literal mapping it can only be one of the entries the unknown key selects (a key with candidates
   * selects those; the `DefaultValue` counts when given, since a key outside the map then falls back to it).
   */
  private mapCandidates(mapName: string, top: unknown, second: unknown, fallback: unknown): Unknown {
    const key = (isUnknown(top) ? top : second) as Unknown;
    const map = asRecord(own(this.mappings, mapName));
    const keys = (value: unknown, within: Record<string, unknown>): string[] =>
      isUnknown(value)
        ? (value.candidates?.map((candidate) => String(candidate)) ?? Object.keys(within))
        : [String(value)];
    const found: unknown[] = [];
    for (const topKey of keys(top, map)) {
      const row = asRecord(own(map, topKey));
      for (const secondKey of keys(second, row)) {
        const value = own(row, secondKey);
        if (value !== undefined) found.push(this.resolve(value));
      }
    }
    if (fallback !== undefined) found.push(this.resolve(fallback));
    return unknown(key.$unknown, key.refs, { candidates: candidatesOf(found) });
  }

  private bad(fn: string, problem: string): Unknown {
    this.input.report(`${fn} ${problem}`, this.currentResource);
    return unknown(`malformed ${fn}`);
  }
}

function joinStrings(values: readonly unknown[], delimiter: string, fn: string): unknown {
  const strings: string[] = [];
  for (const value of values) {
    if (isScalar(value)) strings.push(String(value));
    else
      return unknown(
        `${fn} includes a value known at deploy time`,
        values.flatMap((value) => refsIn(value)),
        {
          // `{{resolve:secretsmanager:${SecretName}:…}}` names a secret: the parameter is not the value.
          parameter: isDynamicReference(values[0]) ? undefined : parameterIn(values),
          candidates: joinedCandidates(values, delimiter),
          pattern: joinedPattern(values, delimiter),
        },
      );
  }
  return strings.join(delimiter);
}

/** The joined text with each deploy-time part as `*` (see `Unknown.pattern`); none when nothing is literal. */
function joinedPattern(values: readonly unknown[], delimiter: string): string | undefined {
  const parts = values.map((value) =>
    isScalar(value) ? String(value) : isUnknown(value) && value.pattern !== undefined ? value.pattern : '*',
  );
  const text = parts.join(delimiter);
  return text.replaceAll('*', '') === '' ? undefined : text;
}

function isDynamicReference(value: unknown): boolean {
  return typeof value === 'string' && value.trimStart().startsWith('{{resolve:');
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** At most this many candidates are kept (a join of several unknowns multiplies them). */
const MAX_CANDIDATES = 64;

/**
 * Every string a join can produce, when each unknown part has scalar candidates: `arn:aws:iam::${Account}:root`
 * over a region map of accounts is one ARN per account.
 */
function joinedCandidates(values: readonly unknown[], delimiter: string): string[] | undefined {
  let joined: string[] = [''];
  values.forEach((value, index) => {
    const options = isScalar(value)
      ? [value]
      : isUnknown(value) && value.candidates?.every(isScalar)
        ? value.candidates
        : undefined;
    if (options === undefined || joined.length * options.length > MAX_CANDIDATES) {
      joined = [];
      return;
    }
    const prefix = index === 0 ? '' : delimiter;
    joined = joined.flatMap((head) => options.map((option) => `${head}${prefix}${String(option)}`));
  });
  return joined.length > 0 ? [...new Set(joined)] : undefined;
}

/**
 * The values of expressions that are literal (no reference, nothing unknown), flattened through unknowns that
 * have candidates themselves; `undefined` when one of them can be anything, a resource attribute or `AWS::NoValue`.
 */
function candidatesOf(values: readonly unknown[]): unknown[] | undefined {
  const out = new Map<string, unknown>();
  for (const value of values) {
    const options = isUnknown(value) ? value.candidates : [value];
    if (options === undefined) return undefined;
    for (const option of options) {
      if (option === NO_VALUE || option === undefined || containsUnknown(option) || refsIn(option).length > 0)
        return undefined;
      out.set(JSON.stringify(option), option);
    }
  }
  return out.size > 0 && out.size <= MAX_CANDIDATES ? [...out.values()] : undefined;
}

/** The parameter without a value that the values are or embed, a NoEcho one first. */
function parameterIn(values: readonly unknown[]): ParameterSource | undefined {
  let found: ParameterSource | undefined;
  const visit = (value: unknown): boolean => {
    if (value === null || typeof value !== 'object') return false;
    if (isUnknown(value)) {
      if (value.parameter?.noEcho) {
        found = value.parameter;
        return true;
      }
      found ??= value.parameter;
      return false;
    }
    if (isRef(value)) return false;
    return (Array.isArray(value) ? value : Object.values(value)).some(visit);
  };
  values.some(visit);
  return found;
}

function containsUnknown(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isUnknown(value)) return true;
  return Object.values(value).some(containsUnknown);
}

function singleKey(value: unknown): [string, unknown] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0] as string;
  return [key, (value as Record<string, unknown>)[key]];
}

function splitOnce(text: string, separator: string): string[] {
  const index = text.indexOf(separator);
  return index < 0 ? [text] : [text.slice(0, index), text.slice(index + 1)];
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** `record[key]` only when it is the record's own key (`!Ref constructor` names no resource). */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets an own key, `__proto__` included (assignment would replace the object's prototype instead). */
function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
