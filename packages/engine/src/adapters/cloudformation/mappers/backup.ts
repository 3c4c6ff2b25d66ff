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
import { type ProtectedResource, selectionCovers } from '../../backup-coverage.js';
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
