import { describe, expect, it } from 'vitest';
import { loadCloudFormationTemplate } from '../../adapters/cloudformation/index.js';
import '../../model/kinds/index.js';
import { createModel } from '../../model/build.js';
import type { PolicyStatement } from '../../model/kinds/s3.js';
import { isUnknown, unknown, type Val } from '../../model/values.js';
import { isEveryone } from './statements.js';

function withPrincipal(principal: PolicyStatement['principal']): PolicyStatement {
  return {
    effect: 'Allow',
    principal,
    actions: ['kms:Decrypt'],
    notActions: undefined,
    resources: ['*'],
    condition: undefined,
  };
}

/** `true`/`false`, or `'unknown'` when the principal is left undecided. */
function verdict(value: Val<boolean>): boolean | 'unknown' {
  return isUnknown(value) ? 'unknown' : value;
}

describe('isEveryone on a principal built at deploy time', () => {
  it('is not everyone when its pattern has literal text around the deploy-time parts', () => {
    const root = unknown('built at deploy time', undefined, { pattern: 'arn:aws:iam::*:root' });
    expect(isEveryone(withPrincipal(root))).toBe(false);
    const service = unknown('built at deploy time', undefined, { pattern: 'logs.*.amazonaws.com' });
    expect(isEveryone(withPrincipal(service))).toBe(false);
  });

  it('stays undecided when nothing of it is literal (no pattern, or only deploy-time parts and blanks)', () => {
    const bare = unknown('built at deploy time');
    expect(isEveryone(withPrincipal(bare))).toBe(bare);
    const blanks = unknown('built at deploy time', undefined, { pattern: ' * ' });
    expect(isEveryone(withPrincipal(blanks))).toBe(blanks);
  });

  it('is decided by candidates when the text is not literal', () => {
    const accounts = unknown('built at deploy time', undefined, {
      candidates: ['111122223333', 'arn:aws:iam::444455556666:root'],
    });
    expect(isEveryone(withPrincipal(accounts))).toBe(false);
    const mayBeStar = unknown('built at deploy time', undefined, { candidates: ['111122223333', ' * '] });
    expect(isEveryone(withPrincipal(mayBeStar))).toBe(mayBeStar);
  });

  it('does not read the reason text: a reason that names Fn::Sub without a literal pattern is undecided', () => {
    const sub = unknown('Fn::Sub includes a value known at deploy time');
    expect(isUnknown(isEveryone(withPrincipal(sub)))).toBe(true);
  });
});

describe('isEveryone on CloudFormation key policies', () => {
  const template = `
Parameters:
  TrustedPrincipal: { Type: String }
  Accounts: { Type: String, AllowedValues: [a, b] }
Mappings:
  Trusted:
    a: { Principal: '111122223333' }
    b: { Principal: '*' }
  Partner:
    a: { Account: '111122223333' }
    b: { Account: '444455556666' }
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Statement:
          - Sid: AccountRoot
            Effect: Allow
            Principal: { AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root' }
            Action: kms:*
            Resource: '*'
          - Sid: JoinedRole
            Effect: Allow
            Principal: { AWS: !Join ['', ['arn:aws:iam::', !Ref AWS::AccountId, ':role/Admin']] }
            Action: kms:*
            Resource: '*'
          - Sid: BareSub
            Effect: Allow
            Principal: { AWS: !Sub '\${TrustedPrincipal}' }
            Action: kms:Decrypt
            Resource: '*'
          - Sid: BareJoin
            Effect: Allow
            Principal: { AWS: !Join ['', [!Ref TrustedPrincipal]] }
            Action: kms:Decrypt
            Resource: '*'
          - Sid: SubOverAccounts
            Effect: Allow
            Principal: { AWS: !Sub ['\${Account}', { Account: !FindInMap [Partner, !Ref Accounts, Account] }] }
            Action: kms:Decrypt
            Resource: '*'
          - Sid: SubMayBeStar
            Effect: Allow
            Principal: { AWS: !Sub ['\${P}', { P: !FindInMap [Trusted, !Ref Accounts, Principal] }] }
            Action: kms:Decrypt
            Resource: '*'
`;

  it('decides a principal by the literal text of its Fn::Sub/Fn::Join, else by its candidates, else not at all', () => {
    const output = loadCloudFormationTemplate('t.yaml', template);
    const model = createModel(output.resources, output.errors, output.inputs);
    expect(model.errors).toEqual([]);
    const key = model.resources.find((resource) => resource.kind === 'Key');
    const policy = key?.kind === 'Key' ? key.facts.policy : [];
    if (isUnknown(policy)) throw new Error(`key policy is unknown: ${policy.$unknown}`);
    expect(
      Object.fromEntries(policy.map((statement) => [statement.sid, verdict(isEveryone(statement))])),
    ).toEqual({
      AccountRoot: false,
      JoinedRole: false,
      BareSub: 'unknown',
      BareJoin: 'unknown',
      SubOverAccounts: false,
      SubMayBeStar: 'unknown',
    });
  });
});
