import type { KeyFacts } from '../../../model/kinds/kms.js';
import { isUnknown } from '../../../model/values.js';
import { policyStatements } from '../../policy.js';
import { bool, num, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping, folded } from '../mapper.js';

const key = cfnMapping('Key', (view, context): KeyFacts => {
  const p = view.properties;
  const enabled = bool(p.Enabled, true);
  return {
    aliases: context
      .referrers('AWS::KMS::Alias', 'TargetKeyId')
      .map((alias) => str(alias.properties.AliasName, '')),
    keyState: isUnknown(enabled) ? enabled : enabled ? 'Enabled' : 'Disabled',
    rotation: bool(p.EnableKeyRotation, false),
    rotationPeriodInDays: num(p.RotationPeriodInDays, 365),
    pendingWindowInDays: num(p.PendingWindowInDays, 30),
    keySpec: str(p.KeySpec, 'SYMMETRIC_DEFAULT'),
    keyUsage: str(p.KeyUsage, 'ENCRYPT_DECRYPT'),
    origin: str(p.Origin, 'AWS_KMS'),
    multiRegion: bool(p.MultiRegion, false),
    policy: policyStatements(p.KeyPolicy),
    policyDeclared: p.KeyPolicy !== undefined && p.KeyPolicy !== null,
  };
});

export const kmsCfnMappers: CfnMapperTable = {
  'AWS::KMS::Key': key,
  'AWS::KMS::Alias': folded('TargetKeyId'),
};
