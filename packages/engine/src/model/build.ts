import type { InputError, Kind, Model, Resource } from './resource.js';

/** Assembles a model from adapter output, with its id and kind indexes and memo cache. */
export function createModel(resources: Resource[], errors: InputError[], inputs: string[]): Model {
  const byId = new Map<string, Resource>();
  const byKind = new Map<Kind, Resource[]>();
  for (const resource of resources) {
    byId.set(resource.id, resource);
    const list = byKind.get(resource.kind);
    if (list) list.push(resource);
    else byKind.set(resource.kind, [resource]);
  }
  const memos = new Map<string, unknown>();
  return {
    resources,
    errors,
    inputs,
    get: (id) => byId.get(id),
    ofKind: <K extends Kind>(kind: K) => (byKind.get(kind) ?? []) as unknown as readonly Resource<K>[],
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
}

/** Merges models of several inputs (a scan of many files and folders). */
export function mergeModels(models: readonly Model[]): Model {
  return createModel(
    models.flatMap((model) => [...model.resources]),
    models.flatMap((model) => [...model.errors]),
    models.flatMap((model) => [...model.inputs]),
  );
}
