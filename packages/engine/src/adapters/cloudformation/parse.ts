import {
  type CollectionTag,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Scalar,
  type ScalarTag,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import type { InputError } from '../../model/resource.js';

/** A template as parsed: the plain JSON value plus the 1-based line of each resource's declaration. */
export interface ParsedTemplate {
  readonly file: string;
  readonly body: Record<string, unknown>;
  readonly resourceLines: ReadonlyMap<string, number>;
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

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses a CloudFormation template (JSON or YAML). Never throws: a bad file is an `InputError` with its line. */
export function parseTemplate(file: string, text: string): ParseResult {
  const trimmed = text.trimStart();
  if (text.includes('\u0000'))
    return { ok: false, error: { file, message: 'not a text file (binary content)' } };
  if (trimmed === '') return { ok: false, error: { file, line: 1, message: 'empty file' } };
  return trimmed.startsWith('{') ? parseJsonTemplate(file, text) : parseYamlTemplate(file, text);
}

function parseJsonTemplate(file: string, text: string): ParseResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const lineMatch = /line (\d+)/.exec(message);
    const line = position ? lineOf(text, Number(position[1])) : lineMatch ? Number(lineMatch[1]) : undefined;
    return {
      ok: false,
      error: { file, line, message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}` },
    };
  }
  const shape = checkShape(file, body);
  if (shape) return { ok: false, error: shape };
  const template = body as Record<string, unknown>;
  return { ok: true, template: { file, body: template, resourceLines: jsonResourceLines(text, template) } };
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
    for (let i = cursor; i < found; i++) if (text.charCodeAt(i) === 10) line++;
    cursor = found;
    lines.set(logicalId, line);
  }
  return lines;
}

function parseYamlTemplate(file: string, text: string): ParseResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    customTags: shortFormTags,
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const firstError = document.errors[0];
  if (firstError) {
    const line =
      firstError.linePos?.[0]?.line ??
      (firstError.pos ? lineCounter.linePos(firstError.pos[0]).line : undefined);
    return {
      ok: false,
      error: { file, line, message: `invalid YAML: ${firstError.message.split('\n')[0]}` },
    };
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
    return {
      ok: false,
      error: { file, message: `invalid YAML: ${error instanceof Error ? error.message : String(error)}` },
    };
  }
  const shape = checkShape(file, body);
  if (shape) return { ok: false, error: shape };
  const lines = new Map<string, number>();
  const root = document.contents;
  if (isMap(root)) {
    const resources = root.get('Resources', true);
    if (isMap(resources)) {
      for (const pair of resources.items) {
        const key = pair.key;
        if (isScalar(key) && key.range)
          lines.set(String((key as Scalar).value), lineCounter.linePos(key.range[0]).line);
      }
    } else if (isSeq(resources)) {
      // reported by checkShape
    }
  }
  return { ok: true, template: { file, body: body as Record<string, unknown>, resourceLines: lines } };
}

/** The minimum shape of a template; anything else is reported rather than half-scanned. */
function checkShape(file: string, body: unknown): InputError | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { file, line: 1, message: 'not a CloudFormation template: the document is not a mapping' };
  }
  const resources = (body as Record<string, unknown>).Resources;
  if (resources === undefined)
    return { file, message: 'not a CloudFormation template: no Resources section' };
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) {
    return { file, message: 'Resources must be a mapping of logical ids to resources' };
  }
  return undefined;
}
