import { isUnknown } from '../../model/values.js';

/**
 * `Fn::ForEach` of the AWS::LanguageExtensions transform: `Fn::ForEach::Name: [Identifier, Collection,
 * { 'LogicalId${Identifier}': {resource} }]` declares one resource per item of the collection. Expanded before
 * resolution so every generated resource is judged; `${Identifier}` and `&{Identifier}` (alphanumerics only) are
 * substituted in keys and strings, `Ref: Identifier` becomes the item. Nested loops are expanded too.
 */
export interface ExpandedResource {
  readonly logicalId: string;
  readonly declaration: unknown;
  /** The key of the template the resource was declared under (its own id, or the `Fn::ForEach::…` key). */
  readonly origin: string;
}

export function expandForEach(
  resources: Readonly<Record<string, unknown>>,
  resolveCollection: (expression: unknown) => unknown,
  report: (origin: string, message: string) => void,
  origin?: string,
): ExpandedResource[] {
  const out: ExpandedResource[] = [];
  for (const [key, declaration] of Object.entries(resources)) {
    const from = origin ?? key;
    if (!key.startsWith('Fn::ForEach::')) {
      out.push({ logicalId: key, declaration, origin: from });
      continue;
    }
    if (!Array.isArray(declaration) || declaration.length !== 3 || typeof declaration[0] !== 'string') {
      report(from, `${key} takes [Identifier, Collection, {OutputKey: Resource}]`);
      continue;
    }
    const [identifier, collectionExpression, outputs] = declaration as [string, unknown, unknown];
    const collection = resolveCollection(collectionExpression);
    if (
      isUnknown(collection) ||
      !Array.isArray(collection) ||
      collection.some((item) => typeof item !== 'string')
    ) {
      report(
        from,
        `${key}: the collection is known only at deploy time; the resources it declares are not judged`,
      );
      continue;
    }
    if (!outputs || typeof outputs !== 'object' || Array.isArray(outputs)) {
      report(from, `${key}: the third element must map output logical ids to resources`);
      continue;
    }
    for (const item of collection as string[]) {
      const substituted = substitute(outputs, identifier, item) as Record<string, unknown>;
      out.push(...expandForEach(substituted, resolveCollection, report, from));
    }
  }
  return out;
}

function substitute(value: unknown, identifier: string, item: string): unknown {
  if (typeof value === 'string') {
    return value
      .split(`\${${identifier}}`)
      .join(item)
      .split(`&{${identifier}}`)
      .join(item.replace(/[^A-Za-z0-9]/g, ''));
  }
  if (Array.isArray(value)) return value.map((element) => substitute(element, identifier, item));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === 'Ref' && record.Ref === identifier) return item;
  const out: Record<string, unknown> = {};
  for (const [key, element] of Object.entries(record))
    out[substitute(key, identifier, item) as string] = substitute(element, identifier, item);
  return out;
}
