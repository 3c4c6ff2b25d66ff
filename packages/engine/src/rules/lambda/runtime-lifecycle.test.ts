import { describe, expect, it } from 'vitest';
import { runtimeStatus } from './runtime-lifecycle.js';

describe('runtimeStatus', () => {
  const day = new Date('2026-11-23T12:00:00Z');
  it('reports runtimes past their deprecation date', () => {
    expect(runtimeStatus('nodejs16.x', day)).toEqual({ status: 'deprecated', date: '2024-06-12' });
    expect(runtimeStatus('nodejs20.x', day).status).toBe('deprecated');
  });
  it('warns within 180 days of deprecation', () => {
    expect(runtimeStatus('nodejs22.x', day)).toMatchObject({
      status: 'deprecating-soon',
      date: '2027-04-30',
    });
    expect(runtimeStatus('nodejs22.x', new Date('2026-10-01T00:00:00Z')).status).toBe('supported');
  });
  it('passes supported runtimes and flags unlisted ones', () => {
    expect(runtimeStatus('python3.13', day).status).toBe('supported');
    expect(runtimeStatus('cobol85', day).status).toBe('unlisted');
  });
});
