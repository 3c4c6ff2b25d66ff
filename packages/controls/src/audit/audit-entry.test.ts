import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, defaultSensitiveDetailKeys, redactDetails } from './audit-entry.js';

const key = randomBytes(32);

describe('sensitive detail redaction', () => {
  it('hashes values under sensitive keys at any depth, keeping their length', () => {
    const { details, sensitive } = redactDetails(
      {
        patient: { firstName: 'Ada', contact: [{ emailAddress: 'ada@example.org' }] },
        count: 2,
        SSN: '123-45-6789',
      },
      defaultSensitiveDetailKeys,
      key,
    );
    expect(sensitive).toBe(true);
    expect(details.count).toBe(2);
    expect(details.SSN).toMatchObject({ redacted: 'hmac-sha256', length: 11 });
    const text = JSON.stringify(details);
    expect(text).not.toMatch(/Ada|example\.org|6789/);
    // Same value, same key: same hash, so "the same SSN twice" stays visible without the SSN.
    expect(redactDetails({ ssn: '123-45-6789' }, ['ssn'], key).details).toEqual({ ssn: details.SSN });
  });

  it('leaves rows without sensitive keys unlabelled', () => {
    expect(redactDetails({ page: 1, fields: ['name'] }, defaultSensitiveDetailKeys, key)).toEqual({
      details: { page: 1, fields: ['name'] },
      sensitive: false,
    });
  });

  it('never lets a value under a sensitive key through (property)', () => {
    const sensitiveKey = fc.constantFrom(
      'ssn',
      'patientName',
      'DOB',
      'home_address',
      'note',
      'searchQuery',
      'phoneNumber',
    );
    const secret = fc.string({ minLength: 6 }).map((s) => `SECRET${s}`);
    fc.assert(
      fc.property(
        fc.dictionary(sensitiveKey, secret, { minKeys: 1 }),
        fc.integer({ min: 0, max: 3 }),
        (leaks, depth) => {
          let details: Record<string, unknown> = { ...leaks };
          for (let i = 0; i < depth; i++) details = { level: details, list: [details] };
          const redacted = redactDetails(details, defaultSensitiveDetailKeys, key);
          expect(redacted.sensitive).toBe(true);
          expect(JSON.stringify(redacted.details)).not.toContain('SECRET');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
      }),
      { numRuns: 200 },
    );
  });
});
