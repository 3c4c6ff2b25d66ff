import type { Resource } from '../../model/resource.js';
import { isRef, isUnknown, type ResourceRef, type Val } from '../../model/values.js';
import { defineRule, fail, pass } from '../rule.js';

function roleKey(role: Val<ResourceRef | string> | undefined): string | undefined {
  if (role === undefined || isUnknown(role)) return undefined;
  return isRef(role) ? role.$ref : role;
}

export const lambdaFunctionUniqueRole = defineRule({
  id: 'lambda-function-unique-role',
  title: 'Each Lambda function has its own execution role',
  severity: 'medium',
  rationale:
    'A role shared between functions carries the union of their permissions, so a flaw in one function reaches ' +
    'everything the others may touch; one least-privilege role per function (R-INF-9) keeps blast radius small.',
  remediation: {
    cloudformation: 'Declare one AWS::IAM::Role per function with only the permissions that function needs.',
    terraform: 'Create a dedicated aws_iam_role per aws_lambda_function.',
    console:
      'Lambda → the function → Configuration → Permissions → Edit → create a new role for this function.',
  },
  controls: ['least-privilege'],
  kinds: ['Function'],
  check(fn, { model }) {
    const key = roleKey(fn.facts.role);
    if (key === undefined) return pass;
    const users = model.memo('lambda-function-unique-role/functions-by-role', () => {
      const byRole = new Map<string, Resource<'Function'>[]>();
      for (const other of model.ofKind('Function')) {
        const otherKey = roleKey(other.facts.role);
        if (otherKey === undefined) continue;
        const list = byRole.get(otherKey);
        if (list) list.push(other);
        else byRole.set(otherKey, [other]);
      }
      return byRole;
    });
    const sharing = (users.get(key) ?? [])
      .filter((other) => other.id !== fn.id)
      .map((other) => other.source.nativeId);
    return sharing.length > 0 ? fail(`execution role is shared with ${sharing.join(', ')}`) : pass;
  },
});
