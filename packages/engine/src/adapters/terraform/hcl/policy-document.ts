import { type Unknown, unknown } from '../../../model/values.js';
import { containsUnresolved, isPlainObject, isUnresolved, unknownFrom } from './values.js';

/**
 * `data "aws_iam_policy_document"` is computed by the AWS provider from its arguments alone, without
 * calling AWS, so a folder scan can render it as Terraform would (source and override documents merged
 * by `sid`, `principals`/`condition` blocks folded into the JSON shape). Arguments that reference
 * resources (`resources = [aws_s3_bucket.this.arn]`) stay references inside a structured document, as
 * `jsonencode` does, so the policy readers still judge its effects, principals, actions and conditions.
 */
export function renderPolicyDocument(values: Record<string, unknown>): unknown {
  const sources = documentList(values.source_policy_documents, 'source_policy_documents');
  if (isUnknownValue(sources)) return sources;
  const overrides = documentList(values.override_policy_documents, 'override_policy_documents');
  if (isUnknownValue(overrides)) return overrides;

  let statements: unknown[] = [];
  for (const document of sources) statements = mergeBySid(statements, statementsOf(document), false);
  const own = values.statement;
  if (own !== undefined && own !== null) {
    if (isUnresolved(own)) return unknownFrom([own], 'statement blocks are not known statically');
    if (!Array.isArray(own)) return unknown('statement blocks are not a list');
    statements = mergeBySid(statements, own.filter(isPlainObject).map(renderStatement), true);
  }
  for (const document of overrides) statements = mergeBySid(statements, statementsOf(document), true);

  const version = values.version ?? sources.find((document) => document.Version)?.Version ?? '2012-10-17';
  const out: Record<string, unknown> = { Version: version };
  if (values.policy_id !== undefined && values.policy_id !== null) out.Id = values.policy_id;
  out.Statement = statements;
  return containsUnresolved(out) ? out : JSON.stringify(out, null, 2);
}

function isUnknownValue(value: unknown): value is Unknown {
  return !Array.isArray(value);
}

/** The JSON documents of `source_policy_documents`/`override_policy_documents`, or why they are unknown. */
function documentList(raw: unknown, what: string): Record<string, unknown>[] | Unknown {
  if (raw === undefined || raw === null) return [];
  if (isUnresolved(raw)) return unknownFrom([raw], `${what} is not known statically`);
  if (!Array.isArray(raw)) return unknown(`${what} is not a list`);
  const out: Record<string, unknown>[] = [];
  for (const item of raw) {
    if (item === null || item === '') continue;
    if (isUnresolved(item)) return unknownFrom([item], `${what} is not known statically`);
    if (isPlainObject(item)) {
      out.push(item);
      continue;
    }
    if (typeof item !== 'string') return unknown(`${what} holds a ${typeof item}, not a JSON document`);
    try {
      const parsed: unknown = JSON.parse(item);
      if (!isPlainObject(parsed)) return unknown(`${what} holds JSON that is not a policy document`);
      out.push(parsed);
    } catch {
      return unknown(`${what} holds text that is not JSON`);
    }
  }
  return out;
}

function statementsOf(document: Record<string, unknown>): unknown[] {
  const statement = document.Statement;
  if (Array.isArray(statement)) return statement;
  return statement === undefined || statement === null ? [] : [statement];
}

/** Later statements replace earlier ones with the same non-empty `Sid` in place; the others are appended. */
function mergeBySid(base: unknown[], later: unknown[], replace: boolean): unknown[] {
  const out = [...base];
  for (const statement of later) {
    const sid = isPlainObject(statement) && typeof statement.Sid === 'string' ? statement.Sid : '';
    const index =
      sid === '' ? -1 : out.findIndex((existing) => isPlainObject(existing) && existing.Sid === sid);
    if (index >= 0 && replace) out[index] = statement;
    else if (index < 0) out.push(statement);
  }
  return out;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

function renderStatement(block: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof block.sid === 'string' && block.sid !== '') out.Sid = block.sid;
  else if (isUnresolved(block.sid)) out.Sid = block.sid;
  out.Effect = present(block.effect) ? block.effect : 'Allow';
  const fields: [string, string][] = [
    ['actions', 'Action'],
    ['not_actions', 'NotAction'],
    ['resources', 'Resource'],
    ['not_resources', 'NotResource'],
  ];
  for (const [attribute, key] of fields) if (present(block[attribute])) out[key] = block[attribute];
  const principals = renderPrincipals(block.principals);
  if (principals !== undefined) out.Principal = principals;
  const notPrincipals = renderPrincipals(block.not_principals);
  if (notPrincipals !== undefined) out.NotPrincipal = notPrincipals;
  const condition = renderConditions(block.condition);
  if (condition !== undefined) out.Condition = condition;
  return out;
}

/** `principals { type = "AWS", identifiers = [...] }` blocks → `{AWS: [...]}`; type `*` with `*` → `"*"`. */
function renderPrincipals(raw: unknown): unknown {
  if (raw === undefined || raw === null) return undefined;
  if (isUnresolved(raw)) return raw;
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const block of raw) {
    if (isUnresolved(block)) return unknownFrom([block], 'principals are not known statically');
    if (!isPlainObject(block)) continue;
    const { type, identifiers } = block;
    if (isUnresolved(type)) return unknownFrom([type], 'principal type is not known statically');
    if (typeof type !== 'string') continue;
    if (type === '*') return '*';
    const existing = out[type];
    const list = Array.isArray(identifiers) ? identifiers : [identifiers];
    out[type] = Array.isArray(existing) ? [...existing, ...list] : list;
  }
  return out;
}

/** `condition { test, variable, values }` blocks → `{test: {variable: values}}`. */
function renderConditions(raw: unknown): unknown {
  if (raw === undefined || raw === null) return undefined;
  if (isUnresolved(raw)) return raw;
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const block of raw) {
    if (isUnresolved(block)) return unknownFrom([block], 'conditions are not known statically');
    if (!isPlainObject(block)) continue;
    const { test, variable, values } = block;
    if (typeof test !== 'string' || typeof variable !== 'string')
      return unknownFrom([test, variable], 'condition test/variable is not known statically');
    const byVariable = out[test] ?? {};
    const existing = byVariable[variable];
    const list = Array.isArray(values) ? values : [values];
    byVariable[variable] = Array.isArray(existing) ? [...existing, ...list] : list;
    out[test] = byVariable;
  }
  return out;
}
