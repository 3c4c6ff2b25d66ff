import {
  type CollectionTag,
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  type Scalar,
  type ScalarTag,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import type { InputError } from '../../model/resource.js';
import { jsonErrorOf, lineAt, newlinesBetween } from '../input-text.js';

/** A template as parsed: the plain JSON value plus the 1-based line of each resource's declaration. */
export interface ParsedTemplate {
  readonly file: string;
  readonly body: Record<string, unknown>;
  readonly resourceLines: ReadonlyMap<string, number>;
  /** Resources whose declaration is malformed (e.g. `Properties` not a mapping); reported, the rest scanned. */
  readonly problems?: readonly InputError[];
}

export interface ParseOptions {
  /**
   * A template without `Resources` is an empty stack rather than an error: CDK synthesizes one for a
   * stack with no resources, and its CLI skips deploying it.
   */
  readonly allowNoResources?: boolean;
}

export type ParseResult = { ok: true; template: ParsedTemplate } | { ok: false; error: InputError };

const INTRINSICS = [
  'Ref',
  'Condition',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::FindInMap',
  'Fn::GetAtt',
  'Fn::GetAZs',
  'Fn::ImportValue',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::Sub',
  'Fn::Transform',
  'Fn::And',
  'Fn::Equals',
  'Fn::If',
  'Fn::Not',
  'Fn::Or',
  'Fn::ToJsonString',
  'Fn::Length',
  // Functions of the `Rules` section (parameter assertions); read so a template using them parses.
  'Fn::Contains',
  'Fn::EachMemberEquals',
  'Fn::EachMemberIn',
  'Fn::RefAll',
  'Fn::ValueOf',
  'Fn::ValueOfAll',
] as const;

function shortName(name: string): string {
  return `!${name.replace(/^Fn::/, '')}`;
}

/**
 * YAML tags for the short-form intrinsics (`!Ref X`, `!GetAtt A.B`, `!Sub …`, `!If [...]`, …), each turned
 * into the long form so the resolver sees one shape. Every tag accepts scalar, sequence and mapping bodies,
 * as CloudFormation does.
 */
const shortFormTags: (ScalarTag | CollectionTag)[] = INTRINSICS.flatMap((name) => {
  const tag = shortName(name);
  const wrap = (value: unknown) => {
    if (name === 'Fn::GetAtt' && typeof value === 'string') {
      const dot = value.indexOf('.');
      return { [name]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
    }
    return { [name]: value };
  };
  return [
    { tag, resolve: (value: string) => wrap(value) } satisfies ScalarTag,
    {
      tag,
      collection: 'seq',
      nodeClass: YAMLSeq,
      resolve: (seq: YAMLSeq) => wrap(seq.toJSON()),
    } as unknown as CollectionTag,
    {
      tag,
      collection: 'map',
      nodeClass: YAMLMap,
      resolve: (map: YAMLMap) => wrap(map.toJSON()),
    } as unknown as CollectionTag,
  ];
});

const lineOf = lineAt;

const TOO_DEEP = 'nested too deeply (the parser ran out of stack)';

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * The largest template read: 16 times CloudFormation's own limit (1 MB). A larger file cannot be deployed,
 * and parsing it would take minutes and gigabytes (a 20 MB YAML template holds half a million resources).
 */
export const MAX_TEMPLATE_CHARS = 16 * 2 ** 20;

/** Parses a CloudFormation template (JSON or YAML). Never throws: a bad file is an `InputError` with its line. */
export function parseTemplate(file: string, input: string, options: ParseOptions = {}): ParseResult {
  if (input.length > MAX_TEMPLATE_CHARS) {
    const size = Math.round(input.length / 2 ** 20);
    return {
      ok: false,
      error: {
        file,
        message: `template too large (${size} MB): CloudFormation accepts at most 1 MB, Safeguard reads at most 16 MB`,
      },
    };
  }
  // A UTF-8 byte-order mark (Windows editors) is not part of the template.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.includes('\u0000')) {
    const line = lineOf(text, text.indexOf('\u0000'));
    return { ok: false, error: { file, line, message: 'not a text file (binary content: a NUL byte)' } };
  }
  const trimmed = text.trimStart();
  if (trimmed === '') return { ok: false, error: { file, line: 1, message: 'empty file' } };
  try {
    return trimmed.startsWith('{')
      ? parseJsonTemplate(file, text, options)
      : parseYamlTemplate(file, text, options);
  } catch (error) {
    if (isStackOverflow(error)) return { ok: false, error: { file, message: TOO_DEEP } };
    throw error;
  }
}

function parseJsonTemplate(file: string, text: string, options: ParseOptions): ParseResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: { file, ...jsonErrorOf(text, error) } };
  }
  const shape = checkShape(file, body, options);
  if ('error' in shape) return { ok: false, error: shape.error };
  const template = shape.body;
  const resourceLines = jsonResourceLines(text, template);
  return {
    ok: true,
    template: { file, body: template, resourceLines, ...problemsOf(file, template, resourceLines) },
  };
}

/**
 * Lines of resources in a JSON template without a second parse: keys appear in the text in the order
 * `JSON.parse` reports them, so one forward scan from the `"Resources"` key finds each declaration.
 */
function jsonResourceLines(text: string, template: Record<string, unknown>): Map<string, number> {
  const lines = new Map<string, number>();
  const resources = template.Resources as Record<string, unknown>;
  let cursor = text.indexOf('"Resources"');
  if (cursor < 0) return lines;
  let line = lineOf(text, cursor);
  for (const logicalId of Object.keys(resources)) {
    const found = text.indexOf(`"${logicalId}"`, cursor);
    if (found < 0) continue;
    line += newlinesBetween(text, cursor, found);
    cursor = found;
    lines.set(logicalId, line);
  }
  return lines;
}

function parseYamlTemplate(file: string, input: string, options: ParseOptions): ParseResult {
  let text = input;
  let lineCounter = new LineCounter();
  // Duplicate keys: the last one wins, as CloudFormation deploys it (its own parser accepts them).
  const parse = (source: string, counter: LineCounter) =>
    parseDocument(source, {
      customTags: shortFormTags,
      lineCounter: counter,
      uniqueKeys: false,
      prettyErrors: false,
    });
  let document = parse(text, lineCounter);
  if (document.errors.length > 0) {
    // CloudFormation (like PyYAML) accepts a quoted scalar or a flow collection (`Tags: {` … `}`) whose
    // continuation lines are not indented past its key; the YAML 1.2 parser does not. Indent those lines
    // (same lines, same value) and take the result only if it then parses.
    const quoted = indentQuotedContinuations(text);
    const flow = indentFlowContinuations(quoted ?? text);
    const repaired = flow ?? quoted;
    if (repaired !== undefined) {
      const counter = new LineCounter();
      const retry = parse(repaired, counter);
      if (retry.errors.length === 0) {
        text = repaired;
        lineCounter = counter;
        document = retry;
      }
    }
  }
  const firstError = document.errors[0];
  if (firstError) {
    const line =
      firstError.linePos?.[0]?.line ??
      (firstError.pos ? lineCounter.linePos(firstError.pos[0]).line : undefined);
    const message = /call stack/i.test(firstError.message)
      ? TOO_DEEP
      : `invalid YAML: ${firstError.message.split('\n')[0]}`;
    return { ok: false, error: { file, line, message } };
  }
  const unknownTag = document.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (unknownTag) {
    const line = unknownTag.pos ? lineCounter.linePos(unknownTag.pos[0]).line : undefined;
    return {
      ok: false,
      error: { file, line, message: `unknown YAML tag: ${unknownTag.message.split('\n')[0]}` },
    };
  }
  let body: unknown;
  try {
    // Templates are data: no aliases expanding into billions of nodes.
    body = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (isStackOverflow(error)) return { ok: false, error: { file, message: TOO_DEEP } };
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: {
        file,
        message: /Excessive alias count/.test(message)
          ? 'invalid YAML: aliases expand to too many nodes (a "billion laughs" document?)'
          : `invalid YAML: ${message.split('\n')[0]}`,
      },
    };
  }
  const lines = new Map<string, number>();
  const root = document.contents;
  let resourcesLine: number | undefined;
  if (isMap(root)) {
    const resourcesPair = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'Resources');
    const keyRange = (resourcesPair?.key as Scalar | undefined)?.range;
    if (keyRange) resourcesLine = lineCounter.linePos(keyRange[0]).line;
    const resources = resourcesPair?.value;
    if (isMap(resources)) {
      for (const pair of resources.items) {
        const key = pair.key;
        if (isScalar(key) && key.range)
          lines.set(String((key as Scalar).value), lineCounter.linePos(key.range[0]).line);
      }
    }
  }
  const shape = checkShape(file, body, options, resourcesLine);
  if ('error' in shape) return { ok: false, error: shape.error };
  return {
    ok: true,
    template: { file, body: shape.body, resourceLines: lines, ...problemsOf(file, shape.body, lines) },
  };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/** The minimum shape of a template; anything else is reported rather than half-scanned. */
function checkShape(
  file: string,
  body: unknown,
  options: ParseOptions,
  resourcesLine?: number,
): { body: Record<string, unknown> } | { error: InputError } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      error: {
        file,
        line: 1,
        message: `not a CloudFormation template: the document is ${kindOf(body)}, not a mapping`,
      },
    };
  }
  const template = body as Record<string, unknown>;
  const resources = template.Resources;
  if (resources === undefined) {
    if (options.allowNoResources) return { body: { ...template, Resources: {} } };
    return { error: { file, message: 'not a CloudFormation template: no Resources section' } };
  }
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) {
    return {
      error: {
        file,
        line: resourcesLine,
        message: `Resources must be a mapping of logical ids to resources, not ${kindOf(resources)}`,
      },
    };
  }
  return { body: template };
}

/**
 * Declarations the build would otherwise read as absent: `Properties` that is not a mapping would be
 * judged as no properties at all, a `Condition` that is not a name would be ignored. One pass over the
 * resource ids, none over their contents. (A missing or non-string `Type` is reported by the build.)
 */
function problemsOf(
  file: string,
  template: Record<string, unknown>,
  lines?: ReadonlyMap<string, number>,
): { problems?: InputError[] } {
  const resources = template.Resources as Record<string, unknown>;
  let problems: InputError[] | undefined;
  const report = (logicalId: string, message: string) => {
    problems ??= [];
    problems.push({ file, line: lines?.get(logicalId), message: `${logicalId}: ${message}` });
  };
  for (const logicalId of Object.keys(resources)) {
    if (logicalId.startsWith('Fn::ForEach::')) continue;
    const declaration = resources[logicalId];
    if (typeof declaration !== 'object' || declaration === null || Array.isArray(declaration)) continue;
    const {
      Properties: properties,
      Condition: condition,
      DependsOn: dependsOn,
      Metadata: metadata,
    } = declaration as Record<string, unknown>;
    if (
      properties !== undefined &&
      properties !== null &&
      (typeof properties !== 'object' || Array.isArray(properties))
    )
      report(logicalId, `Properties must be a mapping, not ${kindOf(properties)}`);
    if (condition !== undefined && typeof condition !== 'string')
      report(logicalId, `Condition must be the name of a condition, not ${kindOf(condition)}`);
    if (
      dependsOn !== undefined &&
      typeof dependsOn !== 'string' &&
      !(Array.isArray(dependsOn) && dependsOn.every((item) => typeof item === 'string'))
    )
      report(logicalId, `DependsOn must be a logical id or a list of them, not ${kindOf(dependsOn)}`);
    if (
      metadata !== undefined &&
      metadata !== null &&
      (typeof metadata !== 'object' || Array.isArray(metadata))
    )
      report(logicalId, `Metadata must be a mapping, not ${kindOf(metadata)}`);
  }
  return problems ? { problems } : {};
}

/**
 * A multi-line quoted scalar (`Description: 'first line` … `last line.'`) whose continuation lines are indented
 * no further than its key, re-indented two columns past the key; `undefined` when there is none (or one never
 * closes). Lines are only widened, never added or removed, so every line number stays right.
 */
export function indentQuotedContinuations(text: string): string | undefined {
  const lines = text.split('\n');
  let changed = false;
  let blockIndent = -1; // inside a block scalar (`|`, `>`) opened at this indentation: its lines are text
  for (let i = 0; i < lines.length; i++) {
    const current = lines[i] as string;
    const lead = current.length - current.trimStart().length;
    if (blockIndent >= 0) {
      if (current.trim() === '' || lead > blockIndent) continue;
      blockIndent = -1;
    }
    if (/(?:^|[:\s-])[|>][-+0-9]*\s*(?:#.*)?$/.test(current.trimEnd())) {
      blockIndent = lead;
      continue;
    }
    const opening = /^(\s*)(?:-\s+)?(?:[^\s'"#][^#]*?:\s+)?(['"])(.*)$/.exec(current);
    if (!opening) continue;
    const quote = opening[2] as "'" | '"';
    if (closes(opening[3] as string, quote)) continue;
    let end = i + 1;
    while (end < lines.length && !closes(lines[end] as string, quote)) end++;
    if (end >= lines.length) return undefined;
    if (indentPast(lines, i + 1, end + 1, (opening[1] as string).length)) changed = true;
    i = end;
  }
  return changed ? lines.join('\n') : undefined;
}

/**
 * Indents the non-blank lines `from` … `to - 1` that are not already past `keyIndent` to two columns past it
 * (the continuation lines of the node opened at that indentation); whether any line changed.
 */
function indentPast(lines: string[], from: number, to: number, keyIndent: number): boolean {
  const indent = keyIndent + 2;
  let changed = false;
  for (let k = from; k < to; k++) {
    const line = lines[k] as string;
    const before = line.length - line.trimStart().length;
    if (line.trim() !== '' && before < indent) {
      lines[k] = ' '.repeat(indent - before) + line;
      changed = true;
    }
  }
  return changed;
}

/** Whether `text` (inside a quoted scalar) holds its closing quote: `''` escapes `'`, `\"` escapes `"`. */
function closes(text: string, quote: "'" | '"'): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return true;
    }
  }
  return false;
}

/**
 * A flow collection opened at the end of a line (`Tags: {`, `Items: [`) whose following lines, up to its closing
 * bracket, are indented no further than its key: those lines re-indented two columns past the key. Brackets
 * inside quotes are not counted. `undefined` when there is none.
 */
export function indentFlowContinuations(text: string): string | undefined {
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const current = lines[i] as string;
    const opening = /^(\s*)(?:-\s+)?[^\s#][^#]*?:\s*[{[][\s{[]*$/.exec(current);
    if (!opening) continue;
    let depth = bracketDepth(current);
    if (depth <= 0) continue;
    let end = i + 1;
    for (; end < lines.length && depth > 0; end++) depth += bracketDepth(lines[end] as string);
    if (depth > 0) return undefined;
    if (indentPast(lines, i + 1, end, (opening[1] as string).length)) changed = true;
    i = end - 1;
  }
  return changed ? lines.join('\n') : undefined;
}

/** Opening minus closing brackets on a line, outside quoted text and comments. */
function bracketDepth(line: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") i++;
        else quote = undefined;
      } else if (quote === '"' && c === '\\') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) break;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth;
}
