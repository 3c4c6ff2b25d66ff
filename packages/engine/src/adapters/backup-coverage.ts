import type { BackupCoverage, BackupPlanFacts, BackupSelectionFacts } from '../model/kinds/backup.js';
import type { Resource } from '../model/resource.js';
import { isRef, isUnknown, type ResourceRef, type Unknown, unknown, type Val } from '../model/values.js';

/**
 * Whether an AWS Backup selection assigns a resource (R-INF-11), adapter-neutral: it reads only the selection's
 * facts and how the resource appears in ARNs and tags, so CloudFormation and Terraform answer alike.
 */

/** How a protected resource is named in ARNs, for selections that list ARNs or ARN patterns. */
export interface ProtectedResource {
  /** ARN service: `dynamodb`, `rds`, `elasticfilesystem`, `ec2`. */
  readonly arnService: string;
  /** Resource part before the name: `table/`, `db:`, `cluster:`, `file-system/`, `volume/`. */
  readonly arnTypePrefix: string;
  /** Name in the ARN when the template fixes it (table name, DB identifier); ids AWS assigns are unknown. */
  readonly arnName: Val<string> | undefined;
  readonly tags: Readonly<Record<string, Val<string>>>;
}

function globRegex(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

/** Whether an ARN (pattern) names the resource; region and account are not known to a template, so not compared. */
function arnMatches(pattern: string, target: ProtectedResource): Val<boolean> {
  if (pattern === '*') return true;
  const parts = pattern.split(':');
  if (parts[0] !== 'arn' || parts.length < 3) return false;
  const service = parts[2] as string;
  if (!globRegex(service).test(target.arnService)) return false;
  // Region and account: keep the pattern's own values so they compare equal.
  const build = (name: string) =>
    `arn:${parts[1]}:${target.arnService}:${parts[3] ?? ''}:${parts[4] ?? ''}:${target.arnTypePrefix}${name}`;
  const regex = globRegex(pattern);
  const name = target.arnName;
  if (typeof name === 'string') return regex.test(build(name));
  // Name unknown: a pattern that matches whatever the name is covers it; one that names a resource may or may not.
  if (regex.test(build('\u0000'))) return true;
  const resourcePart = parts.slice(5).join(':');
  return resourcePart.startsWith(target.arnTypePrefix)
    ? unknown(`whether ${pattern} names it depends on a name set at deploy time`)
    : false;
}

function itemCovers(item: Val<ResourceRef | string>, id: string, target: ProtectedResource): Val<boolean> {
  if (isRef(item)) return item.$ref === id;
  if (isUnknown(item)) return item.refs?.includes(id) ? true : item.refs?.length ? false : item;
  return arnMatches(item, target);
}

function anyOf(values: readonly Val<boolean>[]): Val<boolean> {
  if (values.includes(true)) return true;
  return values.find((value): value is Unknown => isUnknown(value)) ?? false;
}

function tagMatches(operator: string, actual: Val<string> | undefined, expected: Val<string>): Val<boolean> {
  if (isUnknown(expected)) return expected;
  if (isUnknown(actual)) return actual;
  const like = operator.toLowerCase().includes('like');
  const equal = actual !== undefined && (like ? globRegex(expected).test(actual) : actual === expected);
  return operator.toLowerCase().includes('not') ? !equal : equal;
}

/** Whether one selection assigns the resource: (Resources or ListOfTags) and every Condition, minus NotResources. */
export function selectionCovers(
  selection: BackupSelectionFacts,
  id: string,
  target: ProtectedResource,
): Val<boolean> {
  const { resources, tags, conditions, notResources } = selection;
  if (isUnknown(resources)) return resources;
  if (isUnknown(tags)) return tags;
  if (isUnknown(conditions)) return conditions;
  if (isUnknown(notResources)) return notResources;
  const byTag = tags.map((tag) =>
    isUnknown(tag.key) ? tag.key : tagMatches('StringEquals', target.tags[tag.key], tag.value),
  );
  const assigned = anyOf([...resources.map((item) => itemCovers(item, id, target)), ...byTag]);
  if (assigned === false) return false;
  for (const condition of conditions) {
    if (isUnknown(condition.key)) return condition.key;
    const key = condition.key.replace(/^aws:ResourceTag\//, '');
    const holds = tagMatches(condition.operator, target.tags[key], condition.value);
    if (holds !== true) return holds;
  }
  const excluded = anyOf(notResources.map((item) => itemCovers(item, id, target)));
  if (excluded === true) return false;
  if (isUnknown(excluded)) return excluded;
  return assigned;
}

/** How each protected kind appears in ARNs (for selections that name ARN patterns); every adapter's mappings use it. */
export const ARN_OF_KIND = {
  Table: { arnService: 'dynamodb', arnTypePrefix: 'table/' },
  Database: { arnService: 'rds', arnTypePrefix: 'db:' },
  DbCluster: { arnService: 'rds', arnTypePrefix: 'cluster:' },
  FileSystem: { arnService: 'elasticfilesystem', arnTypePrefix: 'file-system/' },
  Volume: { arnService: 'ec2', arnTypePrefix: 'volume/' },
} as const satisfies Readonly<Record<string, ArnShape>>;

type ArnShape = Pick<ProtectedResource, 'arnService' | 'arnTypePrefix'>;

/**
 * Backup coverage across the inputs of one scan. Each adapter matches a resource against the selections of its own
 * input; a central backup stack (one template selecting `backup: daily` across the account) covers resources
 * declared in other templates too. A resource no selection of its own input covers is given the plans of other
 * inputs whose selections cover it for certain (by tag, or an ARN pattern that matches any name); a match that
 * would depend on a deploy-time name is not taken, so the resource's own verdict stands.
 */
export function coverAcrossInputs(resources: Resource[]): Resource[] {
  const plans = resources.filter((resource) => resource.kind === 'BackupPlan');
  if (plans.length === 0) return resources;
  let changed = false;
  const out = resources.map((resource) => {
    const arn = (ARN_OF_KIND as Readonly<Record<string, ArnShape>>)[resource.kind];
    if (!arn) return resource;
    const facts = resource.facts as { readonly backupPlans?: BackupCoverage };
    const own = facts.backupPlans;
    if (!Array.isArray(own) || own.length > 0) return resource;
    const target: ProtectedResource = { ...arn, arnName: undefined, tags: resource.tags };
    const covering = plans
      .filter(
        (plan) =>
          plan.source.file !== resource.source.file &&
          (plan.facts as BackupPlanFacts).selections.some(
            (selection) => selectionCovers(selection, resource.id, target) === true,
          ),
      )
      .map((plan) => plan.id);
    if (covering.length === 0) return resource;
    changed = true;
    return { ...resource, facts: { ...facts, backupPlans: covering } } as unknown as Resource;
  });
  return changed ? out : resources;
}
