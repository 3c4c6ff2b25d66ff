import type { InputError, Model, Resource } from './resource.js';

/** Assembles a model from adapter output; ids are unique per input, so a map lookup serves `get`. */
export function createModel(resources: Resource[], errors: InputError[], inputs: string[]): Model {
  const byId = new Map<string, Resource>();
  for (const resource of resources) byId.set(resource.id, resource);
  return { resources, errors, inputs, get: (id) => byId.get(id) };
}

/** Merges models of several inputs (a scan of many files and folders). */
export function mergeModels(models: readonly Model[]): Model {
  return createModel(
    models.flatMap((model) => [...model.resources]),
    models.flatMap((model) => [...model.errors]),
    models.flatMap((model) => [...model.inputs]),
  );
}
