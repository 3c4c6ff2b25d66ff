import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testBackends } from '../storage/fixtures/backends.js';
import { QuotaLedger } from './quota-ledger.js';

describe.each(testBackends())('quotas with degradation on $name', (backend) => {
  let test: TestDatabase;
  let quotas: QuotaLedger;
  beforeAll(async () => {
    test = await backend.open();
    quotas = new QuotaLedger(test.db);
  });
  afterAll(() => test.dispose());

  it('allows, then bills overage, then degrades instead of failing', async () => {
    await quotas.setLimit('clinic-q', {
      unit: 'ai.summaries',
      period: 'month',
      includedUnits: 3,
      overageUnits: 2,
    });
    const decisions = [];
    for (let i = 0; i < 7; i++) decisions.push((await quotas.consume('clinic-q', 'ai.summaries')).decision);
    expect(decisions).toEqual([
      'allowed',
      'allowed',
      'allowed',
      'overage',
      'overage',
      'degraded',
      'degraded',
    ]);
    const [usage] = await quotas.usage('clinic-q');
    expect(usage).toMatchObject({
      unit: 'ai.summaries',
      usedUnits: 5,
      includedUnits: 3,
      overageUnits: 2,
      billableOverage: 2,
      degradedRequests: 2,
    });
    expect(usage!.periodStart).toMatch(/^\d{4}-\d\d-01T00:00:00Z$/);
  });

  it('never overshoots the cap under concurrent consumption', async () => {
    await quotas.setLimit('clinic-race', {
      unit: 'exports',
      period: 'day',
      includedUnits: 10,
      overageUnits: 5,
    });
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () => quotas.consume('clinic-race', 'exports', 1)),
    );
    expect(outcomes.filter((o) => o.decision !== 'degraded')).toHaveLength(15);
    const [usage] = await quotas.usage('clinic-race', { unit: 'exports' });
    expect(usage).toMatchObject({ usedUnits: 15, degradedRequests: 25 });
  });

  it('keeps tenants apart and refuses bad input with the field named', async () => {
    expect(await quotas.usage('clinic-other')).toEqual([]);
    await expect(quotas.consume('clinic-other', 'ai.summaries')).rejects.toThrow(
      /no quota for unit "ai.summaries"/,
    );
    await expect(quotas.consume('clinic-q', 'ai.summaries', 0)).rejects.toThrow(/units must be at least 1/);
    await expect(
      quotas.setLimit('clinic-q', { unit: 'AI', period: 'month', includedUnits: 1 }),
    ).rejects.toThrow(/unit/);
    await expect(
      quotas.setLimit('clinic-q', { unit: 'x', period: 'year' as 'month', includedUnits: 1 }),
    ).rejects.toThrow(/period/);
  });

  it('a consumption larger than what is left degrades and consumes nothing', async () => {
    await quotas.setLimit('clinic-big', { unit: 'pages', period: 'month', includedUnits: 10 });
    expect((await quotas.consume('clinic-big', 'pages', 8)).decision).toBe('allowed');
    expect((await quotas.consume('clinic-big', 'pages', 5)).decision).toBe('degraded');
    expect((await quotas.consume('clinic-big', 'pages', 2)).decision).toBe('allowed');
  });
});
