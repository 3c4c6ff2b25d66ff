import type { Resource } from '../../model/resource.js';
import { isUnknown } from '../../model/values.js';

/** `OpenSearch domain "clinic-search"` (or without the name when it is generated). */
export function domainLabel(domain: Resource<'SearchDomain'>): string {
  const name = domain.facts.name;
  return typeof name === 'string' && !isUnknown(name)
    ? `OpenSearch domain ${JSON.stringify(name)}`
    : 'OpenSearch domain';
}
