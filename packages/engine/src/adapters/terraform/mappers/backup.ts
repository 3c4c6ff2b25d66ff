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
import { at, bool, list, num, refOrString, str } from '../../read.js';
import {
  block,
  type TfMapContext,
  type TfMapperTable,
  type TfResourceView,
  tfFolded,
  tfMapping,
} from '../mapper.js';
import { declared } from './vpc.js';

function refOrStringList(value: unknown): Val<readonly Val<ResourceRef | string>[]> {
  const v = declared(value);
  // A whole list known only after apply but built from references (`[aws_dynamodb_table.x.arn]` in a plan whose
  // element count is unknown) still says which resources it names: one item carrying those references (a plan
  // writes a single one as a plain reference).
  if (isRef(v)) return [v];
  if (isUnknown(v) && v.refs?.length) return [v];
  const items = list(v);
  if (isUnknown(items)) return items;
  return items.map((item) => refOrString(item) ?? unknown('empty item'));
}

/** `condition { string_equals { key, value } … }` operators, named as CloudFormation's `Conditions` keys. */
const CONDITION_OPERATORS: Readonly<Record<string, string>> = {
  string_equals: 'StringEquals',
  string_like: 'StringLike',
  string_not_equals: 'StringNotEquals',
  string_not_like: 'StringNotLike',
};

/** `aws_backup_selection` normalised to the same facts as `AWS::Backup::BackupSelection`. */
export function tfSelectionFactsOf(view: TfResourceView): BackupSelectionFacts {
  const v = view.values;
  const tags = list(declared(v.selection_tag));
  const conditions = list(declared(v.condition));
  return {
    name: str(v.name, undefined),
    resources: refOrStringList(v.resources),
    notResources: refOrStringList(v.not_resources),
    // `selection_tag.type` can only be STRINGEQUALS.
    tags: isUnknown(tags)
      ? tags
      : tags.map((tag) => ({ key: str(at(tag, 'key'), ''), value: str(at(tag, 'value'), '') })),
    conditions: isUnknown(conditions)
      ? conditions
      : conditions.flatMap((condition) =>
          Object.entries(CONDITION_OPERATORS).flatMap(([attribute, operator]) => {
            const items = list(at(condition, attribute));
            if (isUnknown(items)) return [{ operator, key: items, value: items }];
            return items.map((item) => ({
              operator,
              key: str(at(item, 'key'), ''),
              value: str(at(item, 'value'), ''),
            }));
          }),
        ),
  };
}

const ARN_REGION = /^arn:[^:]+:backup:([^:]*):/;

/**
 * A copy destination. A vault of the same input is a `ResourceRef` (same account and region) — unless the
 * configuration puts it in another region through a provider alias: then it is off-site (R-INF-11) and is written
 * as an unknown ARN with that vault's reference and region, as the model reserves references for same-region vaults.
 */
function copyDestination(
  value: unknown,
  plan: TfResourceView,
  context: TfMapContext,
): Pick<BackupCopy, 'destination' | 'region'> {
  const destination = refOrString(value) ?? unknown('destination_vault_arn not set');
  if (typeof destination === 'string')
    return { destination, region: ARN_REGION.exec(destination)?.[1] ?? unknown('not an ARN') };
  const vault = context.resolve(destination);
  if (vault?.region && plan.region && vault.region !== plan.region)
    return {
      destination: unknown(`ARN of ${vault.address} (region ${vault.region}), known after apply`, [
        vault.modelId,
      ]),
      region: vault.region,
    };
  return { destination, region: undefined };
}

function copiesOf(rule: unknown, plan: TfResourceView, context: TfMapContext): Val<readonly BackupCopy[]> {
  const actions = list(declared(at(rule, 'copy_action')));
  if (isUnknown(actions)) return actions;
  return actions.map((action) => ({
    ...copyDestination(at(action, 'destination_vault_arn'), plan, context),
    retentionDays: num(declared(at(block(at(action, 'lifecycle')), 'delete_after')), undefined),
  }));
}

const plan = tfMapping('BackupPlan', (view, context): BackupPlanFacts => {
  const rules = list(declared(view.values.rule));
  return {
    name: str(view.values.name, undefined),
    rules: isUnknown(rules)
      ? rules
      : rules.map(
          (rule): BackupPlanRule => ({
            name: str(at(rule, 'rule_name'), undefined),
            // Terraform names the target vault by name (`aws_backup_vault.x.name`), CloudFormation by name too.
            vault: refOrString(at(rule, 'target_vault_name')) ?? unknown('target_vault_name not set'),
            retentionDays: num(declared(at(block(at(rule, 'lifecycle')), 'delete_after')), undefined),
            continuous: bool(declared(at(rule, 'enable_continuous_backup')), false),
            copies: copiesOf(rule, view, context),
          }),
        ),
    selections: context.referrers('aws_backup_selection', 'plan_id').map(tfSelectionFactsOf),
  };
});

const vault = tfMapping('BackupVault', (view, context): BackupVaultFacts => {
  const v = view.values;
  const lock = context.referrers('aws_backup_vault_lock_configuration', 'backup_vault_name')[0]?.values;
  return {
    name: str(v.name, undefined),
    // Optional + Computed: left out, AWS Backup uses the AWS managed key aws/backup.
    kmsKey: refOrString(declared(v.kms_key_arn)),
    lock:
      lock === undefined
        ? undefined
        : {
            minRetentionDays: num(declared(lock.min_retention_days), undefined),
            changeableForDays: num(declared(lock.changeable_for_days), undefined),
          },
  };
});

/** Tags a selection matches against: `tags_all` (provider default tags included) when known, else `tags`. */
export function tfTagRecord(values: Readonly<Record<string, unknown>>): Record<string, Val<string>> {
  const all = declared(values.tags_all);
  const source = all && typeof all === 'object' && !isUnknown(all) ? all : declared(values.tags);
  const out: Record<string, Val<string>> = {};
  if (source && typeof source === 'object' && !Array.isArray(source) && !isUnknown(source) && !isRef(source))
    for (const [key, value] of Object.entries(source)) out[key] = str(value, '');
  return out;
}

/**
 * The plans whose `aws_backup_selection`s assign the resource being mapped (R-INF-11): the same matching as the
 * CloudFormation side — references (`aws_dynamodb_table.x.arn`, known after apply or not), literal ARNs and ARN
 * patterns, `selection_tag`, `condition` and `not_resources`.
 */
export function tfBackupPlansOf(
  view: TfResourceView,
  context: TfMapContext,
  target: ProtectedResource,
): BackupCoverage {
  const selections = context.memo('data:tf-backup-selections', () =>
    context.ofType('aws_backup_selection').map((selection) => {
      const planId = selection.values.plan_id;
      const planView = context.resolve(planId);
      return {
        plan: planView
          ? planView.modelId
          : `${selection.modelId} (plan ${typeof planId === 'string' ? planId : 'unknown'})`,
        facts: tfSelectionFactsOf(selection),
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

export const backupTfMappers: TfMapperTable = {
  aws_backup_plan: plan,
  aws_backup_vault: vault,
  aws_backup_selection: tfFolded('plan_id'),
  aws_backup_vault_lock_configuration: tfFolded('backup_vault_name'),
};
