import { describe, expect, it } from 'vitest';
import type { SecurityGroupRuleFacts } from '../../model/kinds/vpc.js';
import { describePeer } from './ingress.js';

const rule = (peer: SecurityGroupRuleFacts['peer']): SecurityGroupRuleFacts => ({
  origin: 'SelfIngress',
  protocol: '-1',
  fromPort: undefined,
  toPort: undefined,
  peer,
});

describe('describePeer', () => {
  it('names a referenced group by its logical id or address, never by the scanned path', () => {
    const self = rule({
      type: 'securityGroup',
      value: { $ref: '/home/me/env-vpc.yaml#SageMakerSecurityGroup' },
    });
    expect(describePeer(self)).toBe('security group SageMakerSecurityGroup');
    const tf = rule({ type: 'prefixList', value: { $ref: 'infra#aws_ec2_managed_prefix_list.office' } });
    expect(describePeer(tf)).toBe('prefix list aws_ec2_managed_prefix_list.office');
    expect(describePeer(rule({ type: 'cidrIpv4', value: '10.0.0.0/16' }))).toBe('10.0.0.0/16');
  });
});
