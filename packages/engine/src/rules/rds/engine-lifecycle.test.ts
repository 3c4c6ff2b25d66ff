import { describe, expect, it } from 'vitest';
import { engineSupportStatus, majorVersion } from './engine-lifecycle.js';

describe('RDS engine lifecycle (R-ENG-7)', () => {
  it('derives the major version as RDS names it', () => {
    expect(majorVersion('postgres', '16.4')).toEqual({ family: 'postgres', major: '16' });
    expect(majorVersion('postgres', '9.6.24')).toEqual({ family: 'postgres', major: '9.6' });
    expect(majorVersion('mysql', '8.0.35')).toEqual({ family: 'mysql', major: '8.0' });
    expect(majorVersion('aurora-mysql', '8.0.mysql_aurora.3.05.2')).toEqual({
      family: 'aurora-mysql',
      major: '8.0',
    });
    expect(majorVersion('aurora', '5.6.10a')).toEqual({ family: 'aurora-mysql', major: '5.6' });
    expect(majorVersion('sqlserver-se', '15.00')).toBeUndefined();
  });

  it('reports ended, ending within 180 days, and supported versions on a fixed date', () => {
    const today = new Date('2026-06-01T00:00:00Z');
    expect(engineSupportStatus('postgres', '11.22', today)).toMatchObject({
      status: 'ended',
      date: '2024-02-29',
    });
    expect(engineSupportStatus('mysql', '8.0.36', today)).toMatchObject({ status: 'ending-soon', days: 60 });
    expect(engineSupportStatus('postgres', '16.4', today)).toMatchObject({ status: 'supported' });
    expect(engineSupportStatus('postgres', '99.1', today)).toMatchObject({ status: 'unlisted' });
    expect(engineSupportStatus('oracle-ee', '19.0.0.0', today)).toEqual({ status: 'untracked' });
  });

  it('uses the dates AWS published by August 2026 (re-checked 2026-11-23)', () => {
    const today = new Date('2026-11-23T00:00:00Z');
    // AWS moved RDS for MariaDB 10.6 from 2026-08-31 to 2026-12-31: ending soon, not ended.
    expect(engineSupportStatus('mariadb', '10.6.19', today)).toMatchObject({
      status: 'ending-soon',
      date: '2026-12-31',
      days: 38,
    });
    expect(engineSupportStatus('mariadb', '10.5.27', today)).toMatchObject({
      status: 'ended',
      date: '2026-08-31',
    });
    expect(engineSupportStatus('mariadb', '11.8.3', today)).toMatchObject({
      status: 'supported',
      date: '2028-06-30',
    });
    expect(engineSupportStatus('mariadb', '12.3.1', today)).toMatchObject({
      status: 'supported',
      date: '2029-06-30',
    });
    expect(engineSupportStatus('aurora-postgresql', '18.1', today)).toMatchObject({
      status: 'supported',
      date: '2031-02-28',
    });
    expect(engineSupportStatus('aurora-postgresql', '9.6.22', today)).toMatchObject({
      status: 'ended',
      date: '2022-01-31',
    });
    expect(engineSupportStatus('aurora-mysql', '8.4.mysql_aurora.4.0.0', today)).toMatchObject({
      status: 'supported',
      date: '2032-04-30',
    });
  });
});
