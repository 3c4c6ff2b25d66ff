import { describe, expect, it } from 'vitest';
import { defaultTlsPolicy, minimumTlsOf } from './tls-policies.js';

describe('ELB security policies (data/elb-tls-policies.yaml)', () => {
  it('applies ELBSecurityPolicy-2016-08 when CloudFormation, Terraform or the API names no policy', () => {
    expect(defaultTlsPolicy()).toBe('ELBSecurityPolicy-2016-08');
    expect(minimumTlsOf(defaultTlsPolicy())).toBe('1.0');
  });

  it('knows the classic sample policies by the names describe-load-balancer-policies lists', () => {
    // Names without a TLS version in them: unverifiable unless listed.
    expect(minimumTlsOf('ELBSample-ELBDefaultCipherPolicy')).toBe('1.0');
    expect(minimumTlsOf('ELBSample-OpenSSLDefaultCipherPolicy')).toBe('1.0');
    expect(minimumTlsOf('ELBSecurityPolicy-2015-05')).toBe('1.0');
  });

  it('lists the post-quantum, RFC 9151 and CNSA 2.0 policies with their minimum TLS version', () => {
    expect(minimumTlsOf('ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09')).toBe('1.2');
    expect(minimumTlsOf('ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09')).toBe('1.3');
    expect(minimumTlsOf('ELBSecurityPolicy-TLS13-1-0-PQ-2025-09')).toBe('1.0');
    expect(minimumTlsOf('ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP4-FIPS-2023-07')).toBe('1.2');
    expect(minimumTlsOf('ELBSecurityPolicy-TLS13-1-3-RFC9151-FIPS-2023-07')).toBe('1.3');
    expect(minimumTlsOf('ELBSecurityPolicy-TLS13-1-3-CNSA2-INTEROP1-FIPS-PQ-2026-07')).toBe('1.3');
  });

  it('falls back to the naming pattern, and to undefined for a custom name', () => {
    expect(minimumTlsOf('ELBSecurityPolicy-TLS13-1-2-Future-2030-01')).toBe('1.2');
    expect(minimumTlsOf('my-negotiation-policy')).toBeUndefined();
  });
});
