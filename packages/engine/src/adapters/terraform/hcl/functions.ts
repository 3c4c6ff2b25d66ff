import { createHash } from 'node:crypto';
import { unknown } from '../../../model/values.js';
import type { EvalHost } from './evaluate.js';
import {
  asBool,
  asList,
  asNumber,
  asObject,
  asString,
  containsUnresolved,
  deepEqual,
  ExpressionError,
  isPlainObject,
  isUnresolved,
  requireKnown,
  typeName,
  unknownFrom,
} from './values.js';

type TfFunction = (args: unknown[], host: EvalHost) => unknown;

function replaceText(text: string, search: string, replacement: string): string {
  if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
    return text.replace(regexOf(search.slice(1, -1)), replacement.replace(/\$\{?(\d+)\}?/g, '$$$1'));
  }
  return text.split(search).join(replacement);
}

/** `replace()` over every string of a structured document; a string that needs an unknown replacement becomes unknown. */
function replaceInDocument(value: unknown, search: string, replacement: unknown): unknown {
  if (typeof value === 'string') {
    const regex = search.length > 1 && search.startsWith('/') && search.endsWith('/');
    const matches = regex ? regexOf(search.slice(1, -1)).test(value) : value.includes(search);
    if (!matches) return value;
    if (typeof replacement === 'string') return replaceText(value, search, replacement);
    return unknownFrom([replacement], `replace(): the replacement of "${search}" is not known statically`);
  }
  if (isUnresolved(value)) return value;
  if (Array.isArray(value)) return value.map((item) => replaceInDocument(item, search, replacement));
  if (isPlainObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaceInDocument(item, search, replacement)]),
    );
  return value;
}

/** A call with the wrong number of arguments: Terraform rejects it before planning (an input error). */
class ArityError extends ExpressionError {}

function arity(args: unknown[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const expected =
      min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
    throw new ArityError(`expects ${expected} arguments, got ${args.length}`);
  }
}

/** A list or set argument whose elements may themselves be unresolved (kept as they are). */
function collection(value: unknown, what = 'argument'): unknown[] {
  return asList(value, what);
}

function sortedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).sort();
}

function distinctValues(items: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const item of items) if (!out.some((seen) => deepEqual(seen, item))) out.push(item);
  return out;
}

function toSet(items: readonly unknown[]): unknown[] {
  // Sets of strings iterate in lexical order in Terraform; other element types keep first-seen order.
  const distinct = distinctValues(items);
  return distinct.every((item) => typeof item === 'string') ? (distinct as string[]).sort() : distinct;
}

function format(spec: string, args: readonly unknown[]): string {
  let next = 0;
  return spec.replace(/%(?:\[(\d+)\])?([-+# 0]*)(\d*)(?:\.(\d+))?([%vsdfqtxXbeEgGo])/g, (...match) => {
    const [whole, explicit, flags, width, precision, verb] = match as string[];
    if (verb === '%') return '%';
    const index = explicit ? Number(explicit) - 1 : next;
    next = index + 1;
    if (index >= args.length) throw new ExpressionError(`format: not enough arguments for "${whole}"`);
    const value = args[index];
    let text: string;
    switch (verb) {
      case 'd':
        text = Math.trunc(asNumber(value)).toFixed(0);
        break;
      case 'f':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
        text = precision ? asNumber(value).toFixed(Number(precision)) : String(asNumber(value));
        break;
      case 'x':
      case 'X':
        text = Math.trunc(asNumber(value)).toString(16);
        if (verb === 'X') text = text.toUpperCase();
        break;
      case 'o':
        text = Math.trunc(asNumber(value)).toString(8);
        break;
      case 'b':
        text = Math.trunc(asNumber(value)).toString(2);
        break;
      case 'q':
        text = JSON.stringify(asString(value));
        break;
      case 't':
        text = String(asBool(value));
        break;
      case 'v':
        requireKnown(value);
        text =
          typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
            ? asString(value)
            : JSON.stringify(value);
        break;
      default:
        text = asString(value);
    }
    const pad = Number(width || 0);
    if (text.length < pad)
      text = flags?.includes('-') ? text.padEnd(pad) : text.padStart(pad, flags?.includes('0') ? '0' : ' ');
    return text;
  });
}

function flatten(items: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    if (Array.isArray(item)) out.push(...flatten(item));
    else if (isUnresolved(item) && !('$ref' in item)) throw new ExpressionError('flatten of an unknown list');
    else out.push(item);
  }
  return out;
}

function ipv4ToNumber(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) {
    throw new ExpressionError(`invalid IPv4 address "${ip}"`);
  }
  return parts.reduce((total, part) => total * 256 + part, 0);
}

function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function parseCidr(prefix: string): { base: number; bits: number } {
  const [ip, bitsText] = prefix.split('/');
  const bits = Number(bitsText);
  if (!ip || !Number.isInteger(bits) || bits < 0 || bits > 32)
    throw new ExpressionError(`invalid CIDR "${prefix}"`);
  const size = 2 ** (32 - bits);
  return { base: Math.floor(ipv4ToNumber(ip) / size) * size, bits };
}

function regexOf(pattern: string): RegExp {
  try {
    return new RegExp(pattern.replace(/\(\?P</g, '(?<'), 'g');
  } catch {
    throw new ExpressionError(`invalid regular expression ${JSON.stringify(pattern)}`);
  }
}

function hash(algorithm: string): TfFunction {
  return (args) => {
    arity(args, 1);
    return createHash(algorithm).update(asString(args[0])).digest('hex');
  };
}

function jsonEncode(value: unknown): string {
  return JSON.stringify(value, (_key, item) =>
    typeof item === 'number' && !Number.isFinite(item) ? null : item,
  );
}

const afterApply =
  (name: string): TfFunction =>
  () =>
    unknown(`${name}() is known only at apply time`);

const FUNCTIONS: Record<string, TfFunction> = {
  merge: (args) => {
    const out: Record<string, unknown> = {};
    for (const arg of args) if (arg !== null) Object.assign(out, asObject(arg));
    return out;
  },
  concat: (args) => args.flatMap((arg) => collection(arg)),
  format: (args) => {
    if (args.length < 1) throw new ExpressionError('expects a format string');
    return format(asString(args[0]), args.slice(1));
  },
  formatlist: (args) => {
    if (args.length < 1) throw new ExpressionError('expects a format string');
    const spec = asString(args[0]);
    const rest = args.slice(1);
    const length = Math.max(0, ...rest.filter(Array.isArray).map((list) => (list as unknown[]).length));
    return Array.from({ length }, (_, index) =>
      format(
        spec,
        rest.map((arg) => (Array.isArray(arg) ? arg[index] : arg)),
      ),
    );
  },
  lookup: (args) => {
    arity(args, 2, 3);
    const map = asObject(args[0]);
    const key = asString(args[1]);
    if (Object.hasOwn(map, key)) return map[key];
    if (args.length === 3) return args[2];
    throw new ExpressionError(`no key "${key}" and no default`);
  },
  jsonencode: (args) => {
    arity(args, 1);
    const [value] = args;
    if (isUnresolved(value)) return unknownFrom([value]);
    // A document with references (an IAM policy naming a bucket ARN) stays a structure, so policy readers
    // still see its statements and references; `policyStatements` accepts documents and JSON text alike.
    if (containsUnresolved(value)) return value;
    return jsonEncode(value);
  },
  jsondecode: (args) => {
    arity(args, 1);
    try {
      return JSON.parse(asString(args[0]));
    } catch (error) {
      if (error instanceof SyntaxError) throw new ExpressionError('argument is not valid JSON');
      throw error;
    }
  },
  coalesce: (args) => {
    for (const arg of args) {
      if (isUnresolved(arg)) return arg;
      if (arg !== null && arg !== '') return arg;
    }
    throw new ExpressionError('no non-null, non-empty argument');
  },
  coalescelist: (args) => {
    for (const arg of args) if (collection(arg).length > 0) return arg;
    throw new ExpressionError('no non-empty list argument');
  },
  tostring: (args) => {
    arity(args, 1);
    const [value] = args;
    if (value === null || isUnresolved(value)) return value;
    return asString(value);
  },
  tonumber: (args) => {
    arity(args, 1);
    return args[0] === null ? null : asNumber(args[0]);
  },
  tobool: (args) => {
    arity(args, 1);
    return args[0] === null ? null : asBool(args[0]);
  },
  tolist: (args) => {
    arity(args, 1);
    return collection(args[0]);
  },
  toset: (args) => {
    arity(args, 1);
    return toSet(collection(args[0]));
  },
  tomap: (args) => {
    arity(args, 1);
    return asObject(args[0]);
  },
  length: (args) => {
    arity(args, 1);
    const [value] = args;
    if (typeof value === 'string') return [...value].length;
    if (isPlainObject(value)) return Object.keys(value).length;
    return collection(value).length;
  },
  element: (args) => {
    arity(args, 2);
    const list = collection(args[0]);
    if (list.length === 0) throw new ExpressionError('cannot use element() on an empty list');
    const index = Math.trunc(asNumber(args[1]));
    if (index < 0) throw new ExpressionError('index must not be negative');
    return list[index % list.length];
  },
  index: (args) => {
    arity(args, 2);
    const list = collection(args[0]);
    requireKnown(list);
    const position = list.findIndex((item) => deepEqual(item, args[1]));
    if (position < 0) throw new ExpressionError('item not found');
    return position;
  },
  // join(separator, lists...): Terraform accepts several lists and joins all their elements.
  join: (args) => {
    arity(args, 2, Number.POSITIVE_INFINITY);
    const separator = asString(args[0]);
    return args
      .slice(1)
      .flatMap((list) => collection(list))
      .map((item) => asString(item, 'list element'))
      .join(separator);
  },
  split: (args) => {
    arity(args, 2);
    const separator = asString(args[0]);
    const text = asString(args[1]);
    return text === '' ? [''] : text.split(separator);
  },
  upper: (args) => asString(args[0]).toUpperCase(),
  lower: (args) => asString(args[0]).toLowerCase(),
  title: (args) => asString(args[0]).replace(/\b\w/g, (ch) => ch.toUpperCase()),
  replace: (args) => {
    arity(args, 3);
    // A structured document (JSON text holding references, see `jsonencode`) is replaced in its strings:
    // the placeholders of terraform-aws-modules/s3-bucket (`_S3_BUCKET_ARN_`) become the bucket's reference.
    if (isPlainObject(args[0])) return replaceInDocument(args[0], asString(args[1]), args[2]);
    return replaceText(asString(args[0]), asString(args[1]), asString(args[2]));
  },
  substr: (args) => {
    arity(args, 3);
    const chars = [...asString(args[0])];
    let offset = Math.trunc(asNumber(args[1]));
    const length = Math.trunc(asNumber(args[2]));
    if (offset < 0) offset = chars.length + offset;
    return chars.slice(offset, length < 0 ? undefined : offset + length).join('');
  },
  contains: (args) => {
    arity(args, 2);
    const list = collection(args[0]);
    requireKnown(list);
    requireKnown(args[1]);
    return list.some((item) => deepEqual(item, args[1]));
  },
  keys: (args) => sortedKeys(asObject(args[0])),
  values: (args) => {
    const map = asObject(args[0]);
    return sortedKeys(map).map((key) => map[key]);
  },
  flatten: (args) => flatten(collection(args[0])),
  distinct: (args) => {
    const list = collection(args[0]);
    requireKnown(list);
    return distinctValues(list);
  },
  compact: (args) =>
    collection(args[0]).filter(
      // A structured policy document (JSON text that holds references, see `jsonencode`) is not empty.
      (item) => item !== null && (isPlainObject(item) || asString(item, 'list element') !== ''),
    ),
  min: (args) => Math.min(...(args.length === 0 ? [Number.NaN] : args.map((arg) => asNumber(arg)))),
  max: (args) => Math.max(...(args.length === 0 ? [Number.NaN] : args.map((arg) => asNumber(arg)))),
  sum: (args) => collection(args[0]).reduce<number>((total, item) => total + asNumber(item), 0),
  abs: (args) => Math.abs(asNumber(args[0])),
  ceil: (args) => Math.ceil(asNumber(args[0])),
  floor: (args) => Math.floor(asNumber(args[0])),
  signum: (args) => Math.sign(asNumber(args[0])),
  pow: (args) => asNumber(args[0]) ** asNumber(args[1]),
  log: (args) => Math.log(asNumber(args[0])) / Math.log(asNumber(args[1])),
  parseint: (args) => {
    arity(args, 2);
    const parsed = Number.parseInt(asString(args[0]), asNumber(args[1]));
    if (Number.isNaN(parsed)) throw new ExpressionError('cannot parse integer');
    return parsed;
  },
  cidrsubnet: (args) => {
    arity(args, 3);
    const { base, bits } = parseCidr(asString(args[0]));
    const newBits = Math.trunc(asNumber(args[1]));
    const netnum = Math.trunc(asNumber(args[2]));
    const length = bits + newBits;
    if (length > 32 || newBits < 0)
      throw new ExpressionError(`cannot extend prefix /${bits} by ${newBits} bits`);
    if (netnum < 0 || netnum >= 2 ** newBits)
      throw new ExpressionError(`network number ${netnum} does not fit in ${newBits} bits`);
    return `${numberToIpv4(base + netnum * 2 ** (32 - length))}/${length}`;
  },
  cidrhost: (args) => {
    arity(args, 2);
    const { base, bits } = parseCidr(asString(args[0]));
    const host = Math.trunc(asNumber(args[1]));
    const size = 2 ** (32 - bits);
    if (host >= size || host < -size)
      throw new ExpressionError(`host number ${host} does not fit in /${bits}`);
    return numberToIpv4(base + (host < 0 ? size + host : host));
  },
  file: (args, host) => {
    arity(args, 1);
    return host.readFile(asString(args[0]));
  },
  fileexists: (args, host) => {
    try {
      host.readFile(asString(args[0]));
      return true;
    } catch (error) {
      if (error instanceof ExpressionError) return false;
      throw error;
    }
  },
  templatefile: () => unknown('templatefile() is not evaluated by the HCL scanner (scan the plan JSON)'),
  startswith: (args) => asString(args[0]).startsWith(asString(args[1])),
  endswith: (args) => asString(args[0]).endsWith(asString(args[1])),
  strcontains: (args) => asString(args[0]).includes(asString(args[1])),
  trimspace: (args) => asString(args[0]).trim(),
  trim: (args) => {
    const chars = [...asString(args[1])];
    let text = asString(args[0]);
    while (text.length > 0 && chars.includes(text[0] ?? '')) text = text.slice(1);
    while (text.length > 0 && chars.includes(text[text.length - 1] ?? '')) text = text.slice(0, -1);
    return text;
  },
  trimprefix: (args) => {
    const text = asString(args[0]);
    const prefix = asString(args[1]);
    return text.startsWith(prefix) ? text.slice(prefix.length) : text;
  },
  trimsuffix: (args) => {
    const text = asString(args[0]);
    const suffix = asString(args[1]);
    return suffix !== '' && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
  },
  strrev: (args) => [...asString(args[0])].reverse().join(''),
  range: (args) => {
    arity(args, 1, 3);
    const numbers = args.map((arg) => asNumber(arg));
    const [start, limit, step] =
      numbers.length === 1
        ? [0, numbers[0] ?? 0, 1]
        : [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? ((numbers[0] ?? 0) <= (numbers[1] ?? 0) ? 1 : -1)];
    if (step === 0) throw new ExpressionError('step must not be zero');
    const out: number[] = [];
    for (let value = start; step > 0 ? value < limit : value > limit; value += step) {
      out.push(value);
      if (out.length > 1024) throw new ExpressionError('more than 1024 elements');
    }
    return out;
  },
  zipmap: (args) => {
    arity(args, 2);
    const keys = collection(args[0]);
    const values = collection(args[1]);
    if (keys.length !== values.length) throw new ExpressionError('keys and values have different lengths');
    const out: Record<string, unknown> = {};
    keys.forEach((key, index) => {
      out[asString(key, 'key')] = values[index];
    });
    return out;
  },
  sort: (args) =>
    collection(args[0])
      .map((item) => asString(item, 'list element'))
      .sort(),
  reverse: (args) => [...collection(args[0])].reverse(),
  slice: (args) => {
    arity(args, 3);
    const list = collection(args[0]);
    const start = Math.trunc(asNumber(args[1]));
    const end = Math.trunc(asNumber(args[2]));
    if (start < 0 || end > list.length || start > end)
      throw new ExpressionError('slice indexes are out of range');
    return list.slice(start, end);
  },
  chunklist: (args) => {
    const list = collection(args[0]);
    const size = Math.trunc(asNumber(args[1]));
    if (size <= 0) return [list];
    const out: unknown[][] = [];
    for (let index = 0; index < list.length; index += size) out.push(list.slice(index, index + size));
    return out;
  },
  one: (args) => {
    const list = collection(args[0]);
    if (list.length > 1) throw new ExpressionError('list has more than one element');
    return list[0] ?? null;
  },
  alltrue: (args) => collection(args[0]).every((item) => asBool(item, 'list element')),
  anytrue: (args) => collection(args[0]).some((item) => asBool(item, 'list element')),
  setunion: (args) => toSet(args.flatMap((arg) => collection(arg))),
  setintersection: (args) => {
    const [first = [], ...rest] = args.map((arg) => collection(arg));
    requireKnown([first, rest]);
    return toSet(first.filter((item) => rest.every((list) => list.some((other) => deepEqual(item, other)))));
  },
  setsubtract: (args) => {
    const [first = [], second = []] = args.map((arg) => collection(arg));
    requireKnown([first, second]);
    return toSet(first.filter((item) => !second.some((other) => deepEqual(item, other))));
  },
  transpose: (args) => {
    const map = asObject(args[0]);
    const out: Record<string, string[]> = {};
    for (const key of sortedKeys(map)) {
      for (const item of collection(map[key])) {
        const name = asString(item);
        out[name] = [...(out[name] ?? []), key];
      }
    }
    return out;
  },
  base64encode: (args) => Buffer.from(asString(args[0]), 'utf8').toString('base64'),
  base64decode: (args) => Buffer.from(asString(args[0]), 'base64').toString('utf8'),
  urlencode: (args) => encodeURIComponent(asString(args[0])),
  md5: hash('md5'),
  sha1: hash('sha1'),
  sha256: hash('sha256'),
  sha512: hash('sha512'),
  basename: (args) => asString(args[0]).replace(/\/+$/, '').split('/').pop() ?? '',
  dirname: (args) => {
    const parts = asString(args[0]).split('/');
    parts.pop();
    return parts.length === 0 ? '.' : parts.join('/') || '/';
  },
  abspath: (args) => asString(args[0]),
  sensitive: (args) => args[0],
  nonsensitive: (args) => args[0],
  type: (args) => typeName(args[0]),
  timestamp: afterApply('timestamp'),
  uuid: afterApply('uuid'),
  bcrypt: afterApply('bcrypt'),
  formatdate: afterApply('formatdate'),
  timeadd: afterApply('timeadd'),
  plantimestamp: afterApply('plantimestamp'),
};

/** Terraform's built-in functions (1.x): a call to any other name fails `terraform validate`. */
const TERRAFORM_FUNCTIONS = new Set(
  (
    'abs abspath alltrue anytrue base64decode base64encode base64gzip base64sha256 base64sha512 basename ' +
    'bcrypt can ceil chomp chunklist cidrhost cidrnetmask cidrsubnet cidrsubnets coalesce coalescelist ' +
    'compact concat contains csvdecode dirname distinct element endswith ephemeralasnull file filebase64 ' +
    'filebase64sha256 filebase64sha512 fileexists filemd5 fileset filesha1 filesha256 filesha512 flatten ' +
    'floor format formatdate formatlist indent index issensitive join jsondecode jsonencode keys length ' +
    'list log lookup lower map matchkeys max md5 merge min nonsensitive one parseint pathexpand ' +
    'plantimestamp pow range regex regexall replace reverse rsadecrypt sensitive setintersection ' +
    'setproduct setsubtract setunion sha1 sha256 sha512 signum slice sort split startswith strcontains ' +
    'strrev substr sum templatefile templatestring textdecodebase64 textencodebase64 timeadd timecmp ' +
    'timestamp title tobool tolist tomap tonumber toset tostring transpose trim trimprefix trimspace ' +
    'trimsuffix try type upper urlencode uuid uuidv5 values yamldecode yamlencode zipmap'
  ).split(' '),
);

/**
 * Calls a Terraform built-in function; one the scanner does not implement yields `Unknown`. A name
 * Terraform does not have (a typo) is also reported as an input error: Terraform would reject the file.
 */
export function callFunction(name: string, args: unknown[], host: EvalHost): unknown {
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!fn && !TERRAFORM_FUNCTIONS.has(name) && !name.includes('::')) {
    host.report?.(`call to unknown function ${name}() (not a Terraform built-in function)`);
    return unknown(`function ${name}() does not exist`, [...(unknownFrom(args).refs ?? [])]);
  }
  if (fn) {
    try {
      return fn(args, host);
    } catch (error) {
      if (error instanceof ArityError) host.report?.(`${name}(): ${error.message}`);
      throw error;
    }
  }
  return unknown(`function ${name}() is not supported by the HCL scanner`, [
    ...(unknownFrom(args).refs ?? []),
  ]);
}
