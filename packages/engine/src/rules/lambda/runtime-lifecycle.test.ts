import { describe, expect, it } from 'vitest';
import { runtimeStatus } from './runtime-lifecycle.js';

describe('runtimeStatus', () => {
  const day = new Date('2026-11-23T12:00:00Z');
  it('reports runtimes past their deprecation date', () => {
    expect(runtimeStatus('nodejs16.x', day)).toEqual({ status: 'deprecated', date: '2024-06-12' });
    expect(runtimeStatus('nodejs20.x', day).status).toBe('deprecated');
    // AWS moved Python 3.10 from 2026-06-30 to 2026-10-31 and provided.al2 to 2026-07-31.
    expect(runtimeStatus('python3.10', day)).toEqual({ status: 'deprecated', date: '2026-10-31' });
    expect(runtimeStatus('provided.al2', day)).toEqual({ status: 'deprecated', date: '2026-07-31' });
    expect(runtimeStatus('dotnet9', day)).toEqual({ status: 'deprecated', date: '2026-11-10' });
  });
  it('warns within 180 days of deprecation', () => {
    expect(runtimeStatus('nodejs22.x', day)).toMatchObject({
      status: 'deprecating-soon',
      date: '2027-04-30',
    });
    expect(runtimeStatus('nodejs22.x', new Date('2026-10-01T00:00:00Z')).status).toBe('supported');
    // Amazon Linux 2 runtimes AWS extended to 2027-06-30: supported today, deprecating soon from January 2027.
    expect(runtimeStatus('java17', new Date('2027-01-15T00:00:00Z'))).toMatchObject({
      status: 'deprecating-soon',
      date: '2027-06-30',
    });
  });
  it('passes supported runtimes and flags unlisted ones', () => {
    expect(runtimeStatus('python3.13', day).status).toBe('supported');
    for (const runtime of ['python3.11', 'java8.al2', 'java11', 'java17'])
      expect(runtimeStatus(runtime, day), runtime).toEqual({ status: 'supported', date: '2027-06-30' });
    for (const runtime of ['java8.al2023', 'java11.al2023', 'java17.al2023'])
      expect(runtimeStatus(runtime, day), runtime).toEqual({ status: 'supported', date: '2029-06-30' });
    expect(runtimeStatus('ruby4.0', day)).toEqual({ status: 'supported', date: '2029-03-31' });
    expect(runtimeStatus('cobol85', day).status).toBe('unlisted');
  });
});
