import type { PolicyStatement } from '../../model/kinds/s3.js';
import type { Resource } from '../../model/resource.js';
import { isRef, isUnknown, type Unknown, type Val } from '../../model/values.js';
import { isImportedValue } from '../imported.js';

/**
 * One place that reads IAM statements for every rule of the security group (identity policies, key
 * policies, queue and topic policies), so `Allow`/`NotAction`/wildcards/conditions are interpreted alike.
 */

/** IAM action glob match, case-insensitive (`kms:*`, `kms:Decr*`, `*`). */
export function actionMatches(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern.toLowerCase() === action.toLowerCase();
  let regex = PATTERNS.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(
      `^${pattern
        .split('')
        .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
        .join('')}$`,
      'i',
    );
    PATTERNS.set(pattern, regex);
  }
  return regex.test(action);
}

/** Compiled glob patterns: an estate repeats the same few hundred action patterns across every policy. */
const PATTERNS = new Map<string, RegExp>();

/** True when the statement is `Allow` and its `Action` (or the complement of its `NotAction`) covers `action`. */
export function allowsAction(statement: PolicyStatement, action: string): Val<boolean> {
  if (isUnknown(statement.effect)) return statement.effect;
  if (statement.effect !== 'Allow') return false;
  return coversAction(statement, action);
}

/** Whether the statement's action list (ignoring its effect) covers `action`. */
export function coversAction(statement: PolicyStatement, action: string): Val<boolean> {
  if (statement.notActions !== undefined) {
    if (isUnknown(statement.notActions)) return statement.notActions;
    const excluded = statement.notActions.some((p) => typeof p === 'string' && actionMatches(p, action));
    if (excluded) return false;
    const unknownItem = statement.notActions.find(isUnknown);
    return unknownItem ?? true;
  }
  if (isUnknown(statement.actions)) return statement.actions;
  if (statement.actions.some((p) => typeof p === 'string' && actionMatches(p, action))) return true;
  return statement.actions.find(isUnknown) ?? false;
}

/** `*` or a service wildcard ARN (`arn:aws:*:*:*`) covering every resource. */
export function isEveryResource(resource: unknown): boolean {
  return resource === '*' || (typeof resource === 'string' && /^arn:aws[-a-z]*:\*(:\*)*$/.test(resource));
}

/** Whether the statement applies to every resource (a value imported from another stack names one resource). */
export function appliesToEveryResource(statement: PolicyStatement): Val<boolean> {
  if (isImportedValue(statement.resources)) return false;
  if (isUnknown(statement.resources)) return statement.resources;
  if (statement.resources.some(isEveryResource)) return true;
  return statement.resources.find((r): r is Unknown => isUnknown(r) && !isImportedValue(r)) ?? false;
}

/** Wildcard actions of an `Allow` statement: `*` and `service:*` (a `NotAction` allow is reported as `NotAction`). */
export function wildcardActions(statement: PolicyStatement): string[] {
  if (statement.effect !== 'Allow') return [];
  if (statement.notActions !== undefined) return ['NotAction'];
  if (isUnknown(statement.actions)) return [];
  return statement.actions.filter(
    (a): a is string => typeof a === 'string' && (a === '*' || /^[a-z0-9-]+:\*$/i.test(a)),
  );
}

/**
 * The statement's principal is everyone (`"*"` or `{"AWS": "*"}`). An unresolved principal is judged by what
 * the input does hold of it: a string built from literal and deploy-time parts whose {@link Unknown.pattern}
 * has literal text (`arn:aws:iam::*:root` from `arn:aws:iam::${AWS::AccountId}:root`) cannot be `"*"`; nor can
 * one whose every possible value is a named principal (`!FindInMap [ElbAccounts, !Ref AWS::Region, Account]`,
 * the log-delivery account of each region). Any other (a bare parameter, `!Sub '${Principal}'`, a candidate
 * `"*"`) stays unknown.
 */
export function isEveryone(statement: PolicyStatement): Val<boolean> {
  const principal = statement.principal;
  if (principal === undefined) return false;
  if (isUnknown(principal)) {
    if (hasLiteralText(principal)) return false;
    const candidates = principal.candidates;
    return candidates !== undefined && candidates.length > 0 && !candidates.some(mayBeEveryone)
      ? false
      : principal;
  }
  return principal === '*';
}

/** A pattern with literal text besides its deploy-time parts (`*`) and blanks, which `"*"` does not have. */
function hasLiteralText(value: Unknown): boolean {
  return value.pattern !== undefined && /[^*\s]/.test(value.pattern);
}

/** A possible principal value (a string, a list, or a `{AWS: …}` map) that is, or may be, `"*"`. */
function mayBeEveryone(value: unknown): boolean {
  if (typeof value === 'number') return false;
  if (typeof value === 'string') return value.trim() === '*';
  if (Array.isArray(value)) return value.some(mayBeEveryone);
  if (typeof value === 'object' && value !== null && !isUnknown(value) && !isRef(value))
    return Object.values(value).some(mayBeEveryone);
  return true;
}

/** Condition keys used by the statement (lower-cased), or unknown. */
export function conditionKeys(statement: PolicyStatement): Val<string[]> {
  const condition = statement.condition;
  if (condition === undefined) return [];
  if (isUnknown(condition)) return condition;
  return Object.values(condition).flatMap((keys) => Object.keys(keys).map((key) => key.toLowerCase()));
}

/** Whether the statement is limited by one of the condition keys `keys` (lower-case). */
export function hasConditionKey(statement: PolicyStatement, keys: readonly string[]): Val<boolean> {
  const used = conditionKeys(statement);
  if (isUnknown(used)) return used;
  return used.some((key) => keys.includes(key));
}

/** `statement "Sid"` or `statement 3`, for messages. */
export function statementLabel(statement: PolicyStatement, index: number): string {
  return statement.sid ? `statement "${statement.sid}"` : `statement ${index + 1}`;
}

/**
 * A resource policy has a statement denying requests made without TLS: `Effect: Deny`, every principal,
 * condition `Bool aws:SecureTransport false`, covering `action`.
 */
export function deniesInsecureTransport(
  statements: Val<readonly PolicyStatement[]>,
  action: string,
): Val<boolean> {
  if (isUnknown(statements)) return statements;
  let unresolved: Unknown | undefined;
  for (const statement of statements) {
    if (isUnknown(statement.effect) || isUnknown(statement.condition)) {
      unresolved ??= isUnknown(statement.effect) ? statement.effect : (statement.condition as Unknown);
      continue;
    }
    if (statement.effect !== 'Deny') continue;
    const everyone = isEveryone(statement);
    if (everyone !== true) continue;
    const values = statement.condition?.Bool?.['aws:SecureTransport'];
    if (values === undefined) continue;
    if (isUnknown(values)) {
      unresolved ??= values;
      continue;
    }
    if (!values.some((v) => v === 'false')) continue;
    const covers = coversAction(statement, action);
    if (covers === true) return true;
    if (isUnknown(covers)) unresolved ??= covers;
  }
  return unresolved ?? false;
}

/** A named group of statements an identity rule judges (an inline policy, a policy resource, a managed policy). */
export interface StatementGroup {
  readonly label: string;
  readonly statements: Val<readonly PolicyStatement[]>;
}

/** The permission statements a resource carries itself (inline and folded policies; a managed policy's document). */
export function identityStatementGroups(
  resource: Resource<'Role' | 'User' | 'Group' | 'ManagedPolicy'>,
): StatementGroup[] {
  if (resource.kind === 'ManagedPolicy')
    return [{ label: 'policy document', statements: resource.facts.statements }];
  return resource.facts.inlinePolicies.map((policy) => ({
    label:
      policy.origin === 'inline'
        ? `inline policy ${typeof policy.name === 'string' ? `"${policy.name}"` : '(unnamed)'}`
        : `policy ${policy.nativeId ?? (typeof policy.name === 'string' ? policy.name : '')}`.trim(),
    statements: policy.statements,
  }));
}

/** A `ResourceRef`/string/unknown list item pointing at model id `id` (by reference, or by name). */
export function pointsAt(item: unknown, id: string, name?: unknown): boolean {
  if (isRef(item)) return item.$ref === id;
  if (isUnknown(item)) return item.refs?.includes(id) ?? false;
  return typeof item === 'string' && typeof name === 'string' && item === name;
}

/**
 * Allow statements of a resource policy open to every principal (`"*"`) with none of `restrictingKeys` (lower-case
 * condition keys that confine them to an account, organisation or network), by label; `unresolved`: the first
 * unknown that kept a statement from being decided.
 */
export function openToEveryone(
  policy: readonly PolicyStatement[],
  restrictingKeys: readonly string[],
): { readonly open: string[]; readonly unresolved?: Unknown } {
  const open: string[] = [];
  let unresolved: Unknown | undefined;
  policy.forEach((statement, index) => {
    if (statement.effect !== 'Allow') {
      if (isUnknown(statement.effect)) unresolved ??= statement.effect;
      return;
    }
    const everyone = isEveryone(statement);
    if (isUnknown(everyone)) {
      unresolved ??= everyone;
      return;
    }
    if (!everyone) return;
    const restricted = hasConditionKey(statement, restrictingKeys);
    if (isUnknown(restricted)) unresolved ??= restricted;
    else if (!restricted) open.push(statementLabel(statement, index));
  });
  return { open, unresolved };
}
