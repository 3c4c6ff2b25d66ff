import type {
  BackupCopy,
  BackupCoverage,
  BackupPlanFacts,
  BackupPlanRule,
  BackupSelectionFacts,
  BackupVaultFacts,
} from '../../../model/kinds/backup.js';
import {
  isRef,
  isUnknown,
  type ResourceRef,
  type Unknown,
  unknown,
  type Val,
} from '../../../model/values.js';
import { at, bool, list, num, record, refOrString, str } from '../../read.js';
import {
  type CfnMapContext,
  type CfnMapperTable,
  type CfnResourceView,
  cfnMapping,
  folded,
} from '../mapper.js';

function refOrStringList(value: unknown): Val<readonly Val<ResourceRef | string>[]> {
  const items = list(value);
  if (isUnknown(items)) return items;
  return items.map((item) => refOrString(item) ?? unknown('empty item'));
}

export function selectionFactsOf(view: CfnResourceView): BackupSelectionFacts {
  const selection = at(view.properties, 'BackupSelection');
  const tags = list(at(selection, 'ListOfTags'));
  const conditions = record(at(selection, 'Conditions'));
  return {
    name: str(at(selection, 'SelectionName'), undefined),
    resources: refOrStringList(at(selection, 'Resources')),
    notResources: refOrStringList(at(selection, 'NotResources')),
    tags: isUnknown(tags)
      ? tags
      : tags.map((tag) => ({
          key: str(at(tag, 'ConditionKey'), ''),
          value: str(at(tag, 'ConditionValue'), ''),
        })),
    conditions: isUnknown(conditions)
      ? conditions
      : Object.entries(conditions).flatMap(([operator, entries]) => {
          const items = list(entries);
          if (isUnknown(items)) return [{ operator, key: items, value: items }];
          return items.map((item) => ({
            operator,
            key: str(at(item, 'ConditionKey'), ''),
            value: str(at(item, 'ConditionValue'), ''),
          }));
        }),
  };
}

const ARN_REGION = /^arn:[^:]+:backup:([^:]*):/;

function copiesOf(rule: unknown): Val<readonly BackupCopy[]> {
  const actions = list(at(rule, 'CopyActions'));
  if (isUnknown(actions)) return actions;
  return actions.map((action) => {
    const destination =
      refOrString(at(action, 'DestinationBackupVaultArn')) ?? unknown('destination not set');
    return {
      destination,
      region:
        typeof destination === 'string'
          ? (ARN_REGION.exec(destination)?.[1] ?? unknown('not an ARN'))
          : undefined,
      retentionDays: num(at(action, 'Lifecycle.DeleteAfterDays'), undefined),
    };
  });
}

const plan = cfnMapping('BackupPlan', (view, context): BackupPlanFacts => {
  const rules = list(at(view.properties, 'BackupPlan.BackupPlanRule'));
  return {
    name: str(at(view.properties, 'BackupPlan.BackupPlanName'), undefined),
    rules: isUnknown(rules)
      ? rules
      : rules.map(
          (rule): BackupPlanRule => ({
            name: str(at(rule, 'RuleName'), undefined),
            vault: refOrString(at(rule, 'TargetBackupVault')) ?? unknown('TargetBackupVault not set'),
            retentionDays: num(at(rule, 'Lifecycle.DeleteAfterDays'), undefined),
            continuous: bool(at(rule, 'EnableContinuousBackup'), false),
            copies: copiesOf(rule),
          }),
        ),
    selections: context.referrers('AWS::Backup::BackupSelection', 'BackupPlanId').map(selectionFactsOf),
  };
});

const vault = cfnMapping('BackupVault', (view): BackupVaultFacts => {
  const p = view.properties;
  const lock = p.LockConfiguration;
  return {
    name: str(p.BackupVaultName, undefined),
    kmsKey: refOrString(p.EncryptionKeyArn),
    lock:
      lock === undefined || lock === null
        ? undefined
        : isUnknown(lock)
          ? lock
          : {
              minRetentionDays: num(at(lock, 'MinRetentionDays'), undefined),
              changeableForDays: num(at(lock, 'ChangeableForDays'), undefined),
            },
  };
});

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

/** The plans whose selections assign the resource being mapped (R-INF-11), from every selection of the input. */
export function backupPlansOf(
  view: CfnResourceView,
  context: CfnMapContext,
  target: ProtectedResource,
): BackupCoverage {
  const selections = context.memo('data:backup-selections', () =>
    context.ofType('AWS::Backup::BackupSelection').map((selection) => {
      const planId = selection.properties.BackupPlanId;
      return {
        plan: isRef(planId)
          ? planId.$ref
          : `${selection.modelId} (plan ${typeof planId === 'string' ? planId : 'unknown'})`,
        facts: selectionFactsOf(selection),
      };
    }),
  );
  const plans = new Set<string>();
  let undecided: Unknown | undefined;
  for (const selection of selections) {
    const covers = selectionCovers(selection.facts, view.modelId, target);
    if (covers === true) plans.add(selection.plan);
    else if (isUnknown(covers)) undecided ??= unknown(`backup selection: ${covers.$unknown}`);
  }
  if (plans.size > 0) return [...plans];
  return undecided ?? [];
}

/** Tags as CloudFormation lists them (`[{Key, Value}]`), for selection matching. */
export function tagRecord(tags: unknown): Record<string, Val<string>> {
  const out: Record<string, Val<string>> = {};
  const items = list(tags);
  if (isUnknown(items)) return out;
  for (const tag of items) {
    const key = at(tag, 'Key');
    if (typeof key === 'string') out[key] = str(at(tag, 'Value'), '');
  }
  return out;
}

export const backupCfnMappers: CfnMapperTable = {
  'AWS::Backup::BackupPlan': plan,
  'AWS::Backup::BackupVault': vault,
  'AWS::Backup::BackupSelection': folded('BackupPlanId'),
};
