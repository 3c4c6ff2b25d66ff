import { describe, expect, it } from 'vitest';
import { overrideReasonProblem } from './override.js';
import {
  listSafeguardSuppressions,
  MIN_SAFEGUARD_REASON_LENGTH,
  SAFEGUARD_ACKNOWLEDGEMENTS,
} from './safeguard-acknowledgements.js';
import { networkStack } from './testing/fixture.js';

describe('Safeguard acknowledgements', () => {
  it('give every accepted finding a sentence-long reason', () => {
    for (const [key, { rule, reason }] of Object.entries(SAFEGUARD_ACKNOWLEDGEMENTS)) {
      expect({ key, rule, problem: overrideReasonProblem({ reason }) }).toEqual({
        key,
        rule,
        problem: undefined,
      });
      expect(reason.length).toBeGreaterThanOrEqual(MIN_SAFEGUARD_REASON_LENGTH);
    }
  });

  it('suppress on the default-security-group provider only what it cannot change', () => {
    const { stack } = networkStack();
    const recorded = listSafeguardSuppressions(stack).map(
      (s) => `${s.path.split('/').slice(-1)[0]} ${s.rule}`,
    );
    expect(recorded.sort()).toEqual([
      'Handler lambda-function-concurrency',
      'Handler lambda-function-dlq',
      'Handler lambda-function-inside-vpc',
      'Role iam-no-inline-policy',
    ]);
  });
});
