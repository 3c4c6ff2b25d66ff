import type { RegistryScanning } from '../model/kinds/ecr.js';
import { isUnknown, type Unknown, unknown, type Val } from '../model/values.js';
import { at, list, str } from './read.js';

/** Property names of a registry scanning configuration as one input writes them. */
export interface RegistryScanningKeys {
  readonly scanType: string;
  readonly rules: string;
  readonly frequency: string;
  readonly filters: string;
  readonly filter: string;
}

export const PASCAL_CASE_SCANNING: RegistryScanningKeys = {
  scanType: 'ScanType',
  rules: 'Rules',
  frequency: 'ScanFrequency',
  filters: 'RepositoryFilters',
  filter: 'Filter',
};

export const TERRAFORM_SCANNING: RegistryScanningKeys = {
  scanType: 'scan_type',
  rules: 'rule',
  frequency: 'scan_frequency',
  filters: 'repository_filter',
  filter: 'filter',
};

/** A registry scanning configuration resource of the input: its native id and properties. */
export interface RegistryScanningSource {
  readonly nativeId: string;
  readonly properties: unknown;
}

/**
 * How the registry's scanning configuration treats the repository `name` (ECR user guide, "Filters to choose
 * which repositories are scanned"): a filter without `*` matches every name that contains it, a filter with `*`
 * matches names where each `*` stands for zero or more characters; a repository matched by a continuous and a
 * scan-on-push rule is scanned continuously; one matched by no rule is scanned manually only (under ENHANCED, not
 * at all). A registry has one configuration: the first declared is read. `undefined` when none is declared.
 */
export function registryScanningOf(
  name: Val<string> | undefined,
  sources: readonly RegistryScanningSource[],
  keys: RegistryScanningKeys,
): RegistryScanning | undefined {
  const source = sources[0];
  if (source === undefined) return undefined;
  const scanType = str(at(source.properties, keys.scanType), 'BASIC');
  const rules = list(at(source.properties, keys.rules));
  if (isUnknown(rules)) return { scanType, frequency: rules, declaredBy: source.nativeId };
  let best: 'SCAN_ON_PUSH' | 'CONTINUOUS_SCAN' | undefined;
  let undecided: Unknown | undefined;
  for (const rule of rules) {
    const frequency = str(at(rule, keys.frequency), '');
    const matches = filtersMatch(at(rule, keys.filters), name, keys.filter);
    if (matches === false) continue;
    if (isUnknown(frequency)) {
      undecided ??= frequency;
      continue;
    }
    if (frequency !== 'CONTINUOUS_SCAN' && frequency !== 'SCAN_ON_PUSH') continue;
    if (isUnknown(matches)) undecided ??= matches;
    else if (frequency === 'CONTINUOUS_SCAN' || best === undefined) best = frequency;
  }
  return { scanType, frequency: best ?? undecided ?? 'MANUAL', declaredBy: source.nativeId };
}

function filtersMatch(filters: unknown, name: Val<string> | undefined, key: string): Val<boolean> {
  const items = list(filters);
  if (isUnknown(items)) return items;
  let undecided: Unknown | undefined;
  for (const item of items) {
    const filter = str(at(item, key), '');
    if (isUnknown(filter)) {
      undecided ??= filter;
      continue;
    }
    if (filter === '') continue;
    // `*` alone (or only wildcards) matches every name, known or not.
    if (/^\*+$/.test(filter)) return true;
    if (typeof name !== 'string') {
      undecided ??= isUnknown(name) ? name : unknown('the repository name is generated at deploy time');
      continue;
    }
    if (filterMatches(filter, name)) return true;
  }
  return undecided ?? false;
}

function filterMatches(filter: string, name: string): boolean {
  if (!filter.includes('*')) return name.includes(filter);
  const pattern = filter
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(name);
}
