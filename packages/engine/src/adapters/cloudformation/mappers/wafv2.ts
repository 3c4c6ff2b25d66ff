import type { WebAclFacts, WebAclRuleFacts } from '../../../model/kinds/wafv2.js';
import { isUnknown, type Val } from '../../../model/values.js';
import { at, list, num, record, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping, folded } from '../mapper.js';

/** Search strings of URI-path matches anywhere inside a (scope-down) statement. */
function uriPathStrings(statement: unknown, into: string[] = []): string[] {
  if (statement === null || typeof statement !== 'object' || isUnknown(statement)) return into;
  if (Array.isArray(statement)) {
    for (const item of statement) uriPathStrings(item, into);
    return into;
  }
  const node = statement as Record<string, unknown>;
  for (const [key, value] of Object.entries(node)) {
    if (
      (key === 'ByteMatchStatement' || key === 'RegexMatchStatement') &&
      at(value, 'FieldToMatch.UriPath')
    ) {
      const text = at(value, key === 'ByteMatchStatement' ? 'SearchString' : 'RegexString');
      if (typeof text === 'string') into.push(text);
    } else uriPathStrings(value, into);
  }
  return into;
}

function actionOf(value: unknown): Val<string> | undefined {
  const action = record(value);
  if (isUnknown(action)) return action;
  const key = Object.keys(action)[0];
  return key === undefined ? undefined : key.toLowerCase();
}

function ruleOf(raw: unknown): WebAclRuleFacts {
  const name = str(at(raw, 'Name'), '');
  const statement = at(raw, 'Statement');
  const managed = at(statement, 'ManagedRuleGroupStatement');
  const override = actionOf(at(raw, 'OverrideAction'));
  const overrideAction: Val<'none' | 'count'> =
    override === undefined
      ? 'none'
      : isUnknown(override)
        ? override
        : override === 'count'
          ? 'count'
          : 'none';
  if (managed !== undefined) {
    return {
      name,
      type: 'managed',
      vendor: str(at(managed, 'VendorName'), ''),
      managedName: str(at(managed, 'Name'), ''),
      overrideAction,
    };
  }
  if (at(statement, 'RuleGroupReferenceStatement') !== undefined)
    return { name, type: 'rule-group', overrideAction };
  const rate = at(statement, 'RateBasedStatement');
  if (rate !== undefined) {
    return {
      name,
      type: 'rate-based',
      action: actionOf(at(raw, 'Action')) ?? 'block',
      rateLimit: num(at(rate, 'Limit'), 0),
      evaluationWindowSec: num(at(rate, 'EvaluationWindowSec'), 300),
      scopedPaths: uriPathStrings(at(rate, 'ScopeDownStatement')),
    };
  }
  return { name, type: 'other', action: actionOf(at(raw, 'Action')) ?? 'block' };
}

const webAcl = cfnMapping('WebAcl', (view, context): WebAclFacts => {
  const p = view.properties;
  const rules = list(p.Rules);
  const defaultAction = actionOf(p.DefaultAction) ?? 'allow';
  return {
    name: str(p.Name, undefined),
    scope: str(p.Scope, 'REGIONAL'),
    defaultAction: isUnknown(defaultAction) ? defaultAction : defaultAction === 'block' ? 'block' : 'allow',
    rules: isUnknown(rules) ? rules : rules.map(ruleOf),
    loggingEnabled: context.referrers('AWS::WAFv2::LoggingConfiguration', 'ResourceArn').length > 0,
  };
});

export const wafv2CfnMappers: CfnMapperTable = {
  'AWS::WAFv2::WebACL': webAcl,
  'AWS::WAFv2::LoggingConfiguration': folded('ResourceArn'),
};
