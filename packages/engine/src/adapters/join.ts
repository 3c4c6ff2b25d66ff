import type { InputError, ModelledKind, Resource, Source } from '../model/resource.js';
import { isRef, isUnknown } from '../model/values.js';
import { at } from './read.js';

/** What every adapter's mapping context offers: lookups that join related native resources into one. */
export interface JoinContext<V> {
  /**
   * Resources of `nativeType` whose property at dotted `path` (arrays are searched element-wise) references
   * `target` (a model id; default: the resource being mapped), by reference or inside an interpolation —
   * or, for inputs that identify resources by name (Terraform), names one of its identities.
   */
  referrers(nativeType: string, path: string, target?: string): V[];
  /** The resource a `ResourceRef` (or an `Unknown` carrying exactly one ref) points at, if in this input. */
  resolve(reference: unknown): V | undefined;
  /** Every resource of a native type in this input. */
  ofType(nativeType: string): readonly V[];
  /**
   * A value computed once per input and shared by every mapping (an index such as log groups by name), so a
   * mapping that needs to search a type does not rescan it for every resource.
   */
  memo<T>(key: string, compute: () => T): T;
}

export interface JoinMapping<V> {
  readonly kind: ModelledKind;
  map(view: V, context: JoinContext<V>): unknown;
}
export interface JoinFold {
  readonly folded: true;
  readonly target: string;
}
export type JoinTable<V> = Readonly<Record<string, JoinMapping<V> | JoinFold>>;

/** A native resource ready to be mapped. */
export interface JoinRecord<V> {
  readonly view: V;
  readonly modelId: string;
  readonly type: string;
  /** Resolved properties, searched by `referrers`. */
  readonly properties: unknown;
  /** Literal identities others may name it by (Terraform: id, arn, name, bucket…), each matched exactly. */
  readonly identities?: readonly string[];
  readonly source: Source;
  /** Everything of the canonical resource but kind, facts and joined. */
  readonly common: Omit<Resource, 'kind' | 'facts' | 'joined' | 'source'>;
  /** Where to report a mapping that fails. */
  readonly errorAt: { readonly file: string; readonly line?: number; readonly label: string };
}

/** Model ids referenced anywhere inside a resolved value. */
export function refsIn(value: unknown, into: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return into;
  if (isRef(value)) into.push(value.$ref);
  else if (isUnknown(value)) {
    if (value.refs) into.push(...value.refs);
  } else if (Array.isArray(value)) for (const item of value) refsIn(item, into);
  else for (const item of Object.values(value)) refsIn(item, into);
  return into;
}

function literalsIn(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(`=${value}`);
  else if (Array.isArray(value)) for (const item of value) literalsIn(item, into);
  return into;
}

/**
 * Maps native resources to canonical ones. Joins are pulled by the owner's mapping through `referrers`,
 * answered from an index built once per (type, path) — linear in the number of resources. Folded native
 * types nobody pulled in (their owner is elsewhere or unknown) are still listed, as Unmodelled.
 */
export function joinAndMap<V>(
  records: readonly JoinRecord<V>[],
  mappers: JoinTable<V>,
  errors: InputError[],
): Resource[] {
  const byModelId = new Map<string, JoinRecord<V>>();
  const byType = new Map<string, JoinRecord<V>[]>();
  for (const record of records) {
    byModelId.set(record.modelId, record);
    const list = byType.get(record.type);
    if (list) list.push(record);
    else byType.set(record.type, [record]);
  }
  const consumed = new Set<JoinRecord<V>>();
  const memos = new Map<string, unknown>();
  const viewsByType = new Map<string, readonly V[]>();
  const referrerIndex = new Map<string, Map<string, JoinRecord<V>[]>>();
  const referrersOf = (type: string, path: string): Map<string, JoinRecord<V>[]> => {
    const key = `${type}\u0000${path}`;
    let index = referrerIndex.get(key);
    if (!index) {
      index = new Map();
      for (const record of byType.get(type) ?? []) {
        const value = path === '' ? record.properties : at(record.properties, path);
        for (const target of new Set([...refsIn(value), ...literalsIn(value, [])])) {
          const list = index.get(target);
          if (list) list.push(record);
          else index.set(target, [record]);
        }
      }
      referrerIndex.set(key, index);
    }
    return index;
  };

  const resources: Resource[] = [];
  for (const record of records) {
    const mapping = mappers[record.type];
    if (mapping && 'folded' in mapping) continue;
    const joined: Source[] = [];
    const context: JoinContext<V> = {
      referrers(nativeType, path, target) {
        const owner = target ? byModelId.get(target) : record;
        const keys = [
          target ?? record.modelId,
          ...(owner?.identities ?? []).map((identity) => `=${identity}`),
        ];
        const index = referrersOf(nativeType, path);
        const found = [...new Set(keys.flatMap((key) => index.get(key) ?? []))];
        // Only folded native types become part of this resource; others (a load balancer naming a group) are looked up.
        if ((mappers[nativeType] as JoinFold | undefined)?.folded) {
          for (const referrer of found) {
            consumed.add(referrer);
            if (!joined.includes(referrer.source)) joined.push(referrer.source);
          }
        }
        return found.map((referrer) => referrer.view);
      },
      resolve(reference) {
        const id = isRef(reference)
          ? reference.$ref
          : isUnknown(reference) && reference.refs?.length === 1
            ? reference.refs[0]
            : undefined;
        return id ? byModelId.get(id)?.view : undefined;
      },
      ofType(nativeType) {
        let views = viewsByType.get(nativeType);
        if (!views) {
          views = (byType.get(nativeType) ?? []).map((item) => item.view);
          viewsByType.set(nativeType, views);
        }
        return views;
      },
      memo<T>(key: string, compute: () => T): T {
        if (!memos.has(key)) memos.set(key, compute());
        return memos.get(key) as T;
      },
    };
    let facts: unknown;
    if (mapping) {
      try {
        facts = (mapping as JoinMapping<V>).map(record.view, context);
      } catch (error) {
        errors.push({
          file: record.errorAt.file,
          line: record.errorAt.line,
          message: `${record.errorAt.label}: could not read ${record.type}: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
    resources.push(
      mapping && facts !== undefined ? resourceOf(record, joined, mapping.kind, facts) : unmodelled(record),
    );
  }
  for (const record of records) {
    const mapping = mappers[record.type];
    if (mapping && 'folded' in mapping && !consumed.has(record)) resources.push(unmodelled(record));
  }
  return resources;
}

function unmodelled<V>(record: JoinRecord<V>): Resource {
  return resourceOf(record, [], 'Unmodelled', { properties: record.properties });
}

/** Field by field rather than by spreading `common`: every resource then shares one object shape. */
function resourceOf<V>(record: JoinRecord<V>, joined: Source[], kind: string, facts: unknown): Resource {
  const { id, service, tags, references, inlineSuppressions } = record.common;
  return {
    id,
    service,
    tags,
    references,
    inlineSuppressions,
    source: record.source,
    joined,
    kind,
    facts,
  } as unknown as Resource;
}
