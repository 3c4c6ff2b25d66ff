/**
 * The `Globals` section of an AWS SAM template, merged into each `AWS::Serverless::*` resource exactly as the SAM
 * translator's GlobalsPlugin does (samtranslator/plugins/globals/globals.py, `GlobalProperties._do_merge`):
 *
 * - a primitive (string, number, boolean) or an intrinsic function (`{Ref: …}`, `{"Fn::…": …}`) is a primitive:
 *   the resource's value wins;
 * - values of different shapes (a list globally, a map locally): the resource's value wins;
 * - two maps are merged key by key, recursively (keys only in Globals are kept; a key in both is merged again);
 * - two lists are concatenated, Globals first, without removing duplicates.
 *
 * A resource's `IgnoreGlobals` attribute (`"*"` or a list of property names) drops all or some of the globals for
 * that resource. Properties SAM does not accept in Globals (Function `Role`, `Policies`, `Events`, `FunctionName`;
 * Api `StageName`, `DefinitionBody`) make the SAM transform fail; they are merged like any other here, since a
 * template that deploys cannot contain them.
 */

/** `Globals` section names (`Function`, `Api`, …) are the SAM resource type without this prefix. */
export const SAM_PREFIX = 'AWS::Serverless::';

type Json = unknown;

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** SAM's `is_intrinsic`: a map with exactly one key, `Ref`, `Condition` or `Fn::…`. */
export function isIntrinsic(value: Json): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  const key = keys[0] as string;
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::');
}

type Token = 'primitive' | 'dict' | 'list';

function tokenOf(value: Json): Token {
  if (Array.isArray(value)) return 'list';
  if (isPlainObject(value)) return isIntrinsic(value) ? 'primitive' : 'dict';
  return 'primitive';
}

/** Merges one global value with the resource's value (`_do_merge`). */
export function mergeGlobalValue(globalValue: Json, localValue: Json): Json {
  const token = tokenOf(globalValue);
  if (token !== tokenOf(localValue) || token === 'primitive') return localValue;
  if (token === 'list') return [...(globalValue as Json[]), ...(localValue as Json[])];
  const merged: Record<string, Json> = { ...(globalValue as Record<string, Json>) };
  for (const [key, value] of Object.entries(localValue as Record<string, Json>)) {
    merged[key] = key in merged ? mergeGlobalValue(merged[key], value) : value;
  }
  return merged;
}

/**
 * The properties of one resource of `type` after merging `globals` (the template's whole `Globals` section), or
 * `properties` itself when no global applies. `ignore` is the resource's `IgnoreGlobals` attribute.
 */
export function withGlobals(
  globals: Json,
  type: string,
  properties: Json,
  ignore: Json,
): Record<string, Json> | Json {
  if (!isPlainObject(globals) || !type.startsWith(SAM_PREFIX)) return properties;
  const section = globals[type.slice(SAM_PREFIX.length)];
  if (!isPlainObject(section) || ignore === '*') return properties;
  let applicable = section;
  if (Array.isArray(ignore)) {
    applicable = { ...section };
    for (const name of ignore) if (typeof name === 'string') delete applicable[name];
  }
  if (Object.keys(applicable).length === 0) return properties;
  // SAM reads an absent Properties as `{}` (a SimpleTable needs none), so globals still apply.
  return mergeGlobalValue(applicable, properties === undefined || properties === null ? {} : properties);
}
