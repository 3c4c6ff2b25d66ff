import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { isGroupMember } from './caches.js';

export const elasticacheInTransitEncryption = defineRule({
  id: 'elasticache-in-transit-encryption',
  title: 'ElastiCache caches require TLS',
  severity: 'high',
  rationale:
    'Without in-transit encryption (or in "preferred" mode) clients exchange ePHI and AUTH tokens with the cache in ' +
    'cleartext inside the VPC (R-INF-4).',
  remediation: {
    cloudformation: 'Set TransitEncryptionEnabled: true and TransitEncryptionMode: required.',
    terraform: 'Set transit_encryption_enabled = true (and transit_encryption_mode = "required").',
    console: 'ElastiCache → cache → Modify → Encryption in transit → Enable, then set the mode to Required.',
  },
  controls: ['encryption-in-transit'],
  kinds: ['Cache'],
  equivalents: { awsConfig: ['elasticache-repl-grp-encrypted-in-transit'] },
  check(cache) {
    if (isGroupMember(cache)) return skip;
    const { transitEncryption, transitEncryptionMode } = cache.facts;
    if (isUnknown(transitEncryption))
      return cannotVerify(`TransitEncryptionEnabled is ${transitEncryption.$unknown}`);
    if (!transitEncryption) return fail('in-transit encryption is off');
    if (isUnknown(transitEncryptionMode))
      return cannotVerify(`TransitEncryptionMode is ${transitEncryptionMode.$unknown}`);
    return transitEncryptionMode === 'preferred'
      ? fail('TransitEncryptionMode is preferred: clients may still connect without TLS')
      : pass;
  },
});
