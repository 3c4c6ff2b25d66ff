import { App, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { overrideReasonProblem, overridesOf, requireHipaa } from './override.js';

const check = {
  requirement: 'a thing',
  citation: 'R-TEST',
  fix: 'Do the thing',
  overrideProp: 'overrides.thing',
};

describe('HipaaOverride', () => {
  it('refuses empty, placeholder and short reasons', () => {
    expect(overrideReasonProblem({ reason: '' })).toMatch(/empty/);
    expect(overrideReasonProblem({ reason: 'TODO' })).toMatch(/placeholder/);
    expect(overrideReasonProblem({ reason: 'n/a' })).toMatch(/placeholder/);
    expect(overrideReasonProblem({ reason: 'because reasons' })).toMatch(/at least 20/);
    expect(overrideReasonProblem({ reason: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa' })).toMatch(/sentence/);
    expect(
      overrideReasonProblem({ reason: 'Development account holds synthetic data only.' }),
    ).toBeUndefined();
  });

  it('fails synth without an override and names the prop to set', () => {
    const stack = new Stack(new App(), 'S');
    expect(() => requireHipaa(stack, false, check, undefined)).toThrow(
      /S: a thing is required \(R-TEST\)\. Do the thing\. To deviate deliberately, pass overrides\.thing/,
    );
  });

  it('refuses an override with a trivial reason', () => {
    const stack = new Stack(new App(), 'S');
    expect(() => requireHipaa(stack, false, check, { reason: 'ok' })).toThrow(
      /override overrides\.thing .* refused/,
    );
  });

  it('records an accepted override in the stack template metadata', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    requireHipaa(stack, false, check, { reason: 'Synthetic data only; accepted in risk register RISK-7.' });
    requireHipaa(stack, true, check, undefined);
    expect(overridesOf(stack)).toHaveLength(1);
    const template = app.synth().getStackByName('S').template as { Metadata?: Record<string, unknown> };
    expect(template.Metadata?.SafeguardHipaaOverrides).toEqual([
      { path: 'S', requirement: 'a thing', reason: 'Synthetic data only; accepted in risk register RISK-7.' },
    ]);
  });
});
