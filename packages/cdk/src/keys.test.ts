import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { HipaaKeys } from './keys.js';
import { GOOD_REASON, keyedStack } from './testing/fixture.js';

describe('HipaaKeys', () => {
  const { stack, keys } = keyedStack();
  const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
  const writer = new iam.Role(stack, 'Writer', { assumedBy: new iam.AccountRootPrincipal() });
  keys.grantPhiDecrypt(reader);
  keys.grantPhiEncrypt(writer);
  const template = Template.fromStack(stack);

  it('creates a PHI key and a log key with rotation and a 30-day window', () => {
    template.resourceCountIs('AWS::KMS::Key', 2);
    template.allResourcesProperties('AWS::KMS::Key', { EnableKeyRotation: true, PendingWindowInDays: 30 });
    template.hasResourceProperties('AWS::KMS::Key', {
      Tags: Match.arrayWith([{ Key: 'DataClassification', Value: 'PHI' }]),
    });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
  });

  it('denies use outside the account perimeter, except AWS services', () => {
    template.allResourcesProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'DenyUseOutsidePerimeter',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Condition: {
              StringNotEqualsIfExists: { 'aws:PrincipalAccount': '123456789012' },
              BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
            },
          }),
        ]),
      },
    });
  });

  it('lets CloudWatch Logs use the log key only for log groups of this account', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowCloudWatchLogs',
            Principal: { Service: 'logs.us-east-1.amazonaws.com' },
            Condition: {
              ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() },
            },
          }),
        ]),
      },
    });
  });

  it('keeps encrypt and decrypt grants apart', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    const actionsOf = (role: string) =>
      Object.values(policies)
        .filter((p) => JSON.stringify(p.Properties.Roles).includes(role))
        .flatMap((p) =>
          p.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => s.Action),
        );
    expect(actionsOf('Reader')).toContain('kms:Decrypt');
    expect(actionsOf('Reader')).not.toContain('kms:Encrypt');
    expect(actionsOf('Writer')).toContain('kms:Encrypt');
    expect(actionsOf('Writer')).not.toContain('kms:Decrypt');
  });

  it('refuses a shorter deletion window unless overridden with a reason', () => {
    expect(() => new HipaaKeys(keyedStack().stack, 'Short', { pendingWindow: Duration.days(7) })).toThrow(
      /a 30-day KMS key deletion window is required \(R-INF-2.*Set pendingWindow to Duration\.days\(30\) \(got 7 days\)/,
    );
    expect(
      () =>
        new HipaaKeys(keyedStack().stack, 'Short', {
          pendingWindow: Duration.days(7),
          overrides: { pendingWindow: { reason: 'test' } },
        }),
    ).toThrow(/refused: "test" is a placeholder/);
    expect(
      () =>
        new HipaaKeys(keyedStack().stack, 'Short', {
          pendingWindow: Duration.days(7),
          overrides: { pendingWindow: GOOD_REASON },
        }),
    ).not.toThrow();
  });
});
