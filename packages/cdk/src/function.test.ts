import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  DEFAULT_LAMBDA_RUNTIME,
  HipaaFunction,
  LAMBDA_RUNTIME_DEPRECATION_DATES,
  lambdaRuntimeProblem,
} from './function.js';
import { GOOD_REASON, networkStack } from './testing/fixture.js';

describe('HipaaFunction runtime lifecycle (R-ENG-7)', () => {
  it('defaults to nodejs24.x', () => {
    const n = networkStack();
    new HipaaFunction(n.stack, 'Fn', {
      network: n.network,
      encryptionKey: n.keys.phiKey,
      logKey: n.keys.logKey,
      code: lambda.Code.fromInline('exports.handler = async () => 0;'),
    });
    expect(DEFAULT_LAMBDA_RUNTIME.name).toBe('nodejs24.x');
    Template.fromStack(n.stack).hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs24.x' });
  });

  it('refuses a runtime within 180 days of its deprecation date, and accepts it before', () => {
    expect(lambdaRuntimeProblem('nodejs22.x', new Date('2026-10-01T00:00:00Z'))).toBeUndefined();
    expect(lambdaRuntimeProblem('nodejs22.x', new Date('2026-11-23T00:00:00Z'))).toBe(
      'got nodejs22.x, deprecated on 2027-04-30, in 158 days (refused from 180 days before)',
    );
    expect(lambdaRuntimeProblem('nodejs22.x', new Date('2027-05-01T00:00:00Z'))).toBe(
      'got nodejs22.x, deprecated on 2027-04-30',
    );
    expect(lambdaRuntimeProblem('nodejs18.x')).toMatch(/no known deprecation date/);
  });

  it('accepts a runtime close to deprecation only with a reasoned override', () => {
    const n = networkStack();
    const base = {
      network: n.network,
      encryptionKey: n.keys.phiKey,
      logKey: n.keys.logKey,
      code: lambda.Code.fromInline('x'),
    };
    // nodejs22.x is within the notice period since 2026-11-01 (and deprecated after 2027-04-30).
    expect(() => new HipaaFunction(n.stack, 'Old', { ...base, runtime: lambda.Runtime.NODEJS_22_X })).toThrow(
      /a current Lambda runtime is required .*got nodejs22\.x, deprecated on 2027-04-30/,
    );
    expect(
      () =>
        new HipaaFunction(n.stack, 'OldAccepted', {
          ...base,
          runtime: lambda.Runtime.NODEJS_22_X,
          overrides: { runtime: GOOD_REASON },
        }),
    ).not.toThrow();
  });

  it('uses the deprecation dates of the engine (packages/engine/data/lambda-runtimes.yaml)', () => {
    const engine = parse(
      readFileSync(new URL('../../engine/data/lambda-runtimes.yaml', import.meta.url), 'utf8'),
    ) as { deprecation: Record<string, string | Date> };
    for (const [runtime, date] of Object.entries(LAMBDA_RUNTIME_DEPRECATION_DATES)) {
      const theirs = engine.deprecation[runtime];
      expect({ runtime, date: theirs instanceof Date ? theirs.toISOString().slice(0, 10) : theirs }).toEqual({
        runtime,
        date,
      });
    }
  });
});
