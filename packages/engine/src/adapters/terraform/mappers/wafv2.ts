import type { WebAclFacts, WebAclRuleFacts } from '../../../model/kinds/wafv2.js';
import { isRef, isUnknown, type Val } from '../../../model/values.js';
import { at, list, num, record, str } from '../../read.js';
import { block, type TfMapperTable, tfFolded, tfMapping } from '../mapper.js';
import { declared } from './vpc.js';

/** A nested block is present when it is a non-empty list (plan JSON) or an object (`uri_path {}`). */
function present(value: unknown): boolean {
  const v = declared(value);
  if (v === undefined) return false;
  return Array.isArray(v) ? v.length > 0 : true;
}

/** Search strings of URI-path matches anywhere inside a (scope-down) statement. */
function uriPathStrings(statement: unknown, into: string[] = []): string[] {
  if (statement === null || typeof statement !== 'object' || isUnknown(statement) || isRef(statement))
    return into;
  if (Array.isArray(statement)) {
    for (const item of statement) uriPathStrings(item, into);
    return into;
  }
  for (const [key, value] of Object.entries(statement as Record<string, unknown>)) {
    const match = block(value);
    if (
      (key === 'byte_match_statement' || key === 'regex_match_statement') &&
      present(at(block(at(match, 'field_to_match')), 'uri_path'))
    ) {
      const text = at(match, key === 'byte_match_statement' ? 'search_string' : 'regex_string');
      if (typeof text === 'string') into.push(text);
    } else uriPathStrings(value, into);
  }
  return into;
}

/** The one action block set (`action { block {} }` → `block`), as CloudFormation's action key. */
function actionOf(value: unknown): Val<string> | undefined {
  const action = record(block(declared(value)));
  if (isUnknown(action)) return action;
  return Object.keys(action).find((key) => present(action[key]));
}

function ruleOf(raw: unknown): WebAclRuleFacts {
  const name = str(at(raw, 'name'), '');
  const statement = block(at(raw, 'statement'));
  const override = actionOf(at(raw, 'override_action'));
  const overrideAction: Val<'none' | 'count'> =
    override === undefined
      ? 'none'
      : isUnknown(override)
        ? override
        : override === 'count'
          ? 'count'
          : 'none';
  const managed = block(declared(at(statement, 'managed_rule_group_statement')));
  if (managed !== undefined) {
    return {
      name,
      type: 'managed',
      vendor: str(at(managed, 'vendor_name'), ''),
      managedName: str(at(managed, 'name'), ''),
      overrideAction,
    };
  }
  if (present(at(statement, 'rule_group_reference_statement')))
    return { name, type: 'rule-group', overrideAction };
  const rate = block(declared(at(statement, 'rate_based_statement')));
  if (rate !== undefined) {
    return {
      name,
      type: 'rate-based',
      action: actionOf(at(raw, 'action')) ?? 'block',
      rateLimit: num(at(rate, 'limit'), 0),
      evaluationWindowSec: num(declared(at(rate, 'evaluation_window_sec')), 300),
      scopedPaths: uriPathStrings(at(rate, 'scope_down_statement')),
    };
  }
  return { name, type: 'other', action: actionOf(at(raw, 'action')) ?? 'block' };
}

const webAcl = tfMapping('WebAcl', (view, context): WebAclFacts => {
  const v = view.values;
  const rules = list(declared(v.rule));
  const defaultAction = actionOf(v.default_action) ?? 'allow';
  return {
    name: str(v.name, undefined),
    scope: str(v.scope, 'REGIONAL'),
    defaultAction: isUnknown(defaultAction) ? defaultAction : defaultAction === 'block' ? 'block' : 'allow',
    rules: isUnknown(rules) ? rules : rules.map(ruleOf),
    loggingEnabled: context.referrers('aws_wafv2_web_acl_logging_configuration', 'resource_arn').length > 0,
  };
});

export const wafv2TfMappers: TfMapperTable = {
  aws_wafv2_web_acl: webAcl,
  aws_wafv2_web_acl_logging_configuration: tfFolded('resource_arn'),
};
