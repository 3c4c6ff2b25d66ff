import { describe, expect, it } from 'vitest';
import { isUnknown, unknown } from '../model/values.js';
import { environmentFromMap, withDeployTimeSecrets } from './environment.js';

/** Each variable's `deployTimeSecret`: the store, `'unknown'`, or `undefined`. */
function storesOf(variables: Record<string, unknown>): Record<string, unknown> {
  const marked = withDeployTimeSecrets(environmentFromMap(variables));
  if (isUnknown(marked)) throw new Error(marked.$unknown);
  return Object.fromEntries(
    marked.map((variable) => [
      variable.name,
      isUnknown(variable.deployTimeSecret) ? 'unknown' : variable.deployTimeSecret,
    ]),
  );
}

describe('withDeployTimeSecrets (CloudFormation dynamic references in environment values)', () => {
  it('finds a secret reference in literal text, in the literal parts of a Fn::Sub, and in candidates', () => {
    expect(
      storesOf({
        LITERAL: '{{resolve:secretsmanager:db:SecretString:password}}',
        EMBEDDED: 'postgres://app:{{resolve:ssm-secure:/db/password:2}}@db:5432/clinic',
        SUB: unknown('built at deploy time', undefined, {
          pattern: '{{resolve:secretsmanager:*:SecretString:password}}',
        }),
        EVERY_CANDIDATE: unknown('decided by a condition', undefined, {
          candidates: ['{{resolve:secretsmanager:a}}', '{{resolve:secretsmanager:b}}'],
        }),
        SOME_CANDIDATES: unknown('decided by a condition', undefined, {
          candidates: ['{{resolve:secretsmanager:a}}', 'placeholder'],
        }),
        SERVICE_AT_DEPLOY: unknown('built at deploy time', undefined, { pattern: '{{resolve:*:name}}' }),
      }),
    ).toEqual({
      LITERAL: 'secretsmanager',
      EMBEDDED: 'ssm-secure',
      SUB: 'secretsmanager',
      EVERY_CANDIDATE: 'secretsmanager',
      SOME_CANDIDATES: 'unknown',
      SERVICE_AT_DEPLOY: 'unknown',
    });
  });

  it('leaves plain values, plain SSM references, references and values without text unmarked', () => {
    expect(
      storesOf({
        PLAIN: 'info',
        SSM: '{{resolve:ssm:/clinic/flags}}',
        REF: { $ref: 'Secret' },
        PARAMETER: unknown('the value of parameter P, which has none'),
        NUMBER_CANDIDATES: unknown('decided by a condition', undefined, { candidates: [1, 2] }),
      }),
    ).toEqual({
      PLAIN: undefined,
      SSM: undefined,
      REF: undefined,
      PARAMETER: undefined,
      NUMBER_CANDIDATES: undefined,
    });
  });

  it('keeps an unknown environment and variables injected from a secret store as they are', () => {
    const whole = unknown('Fn::If on an undecided condition');
    expect(withDeployTimeSecrets(whole)).toBe(whole);
    const injected = { name: 'DB', value: '{{resolve:secretsmanager:db}}', fromSecretStore: true };
    expect(withDeployTimeSecrets([injected])).toEqual([injected]);
  });
});
