import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';

export const rdsMultiAz = defineRule({
  id: 'rds-multi-az',
  title: 'RDS instances are Multi-AZ',
  severity: 'medium',
  rationale:
    'A Multi-AZ standby takes over within minutes when an instance or zone fails, keeping ePHI available (R-INF-3, ' +
    'RTO 45 minutes). Aurora clusters replicate storage across zones by design and are not judged here.',
  remediation: {
    cloudformation: 'Set MultiAZ: true (at least in production).',
    terraform: 'Set multi_az = true on aws_db_instance.',
    console: 'RDS → database → Modify → Availability & durability → Create a standby instance.',
  },
  controls: ['high-availability'],
  kinds: ['Database'],
  equivalents: { cdkNag: ['HIPAA.Security-RDSMultiAZSupport'], awsConfig: ['rds-multi-az-support'] },
  check(db) {
    if (db.facts.cluster !== undefined || db.facts.replicaOf !== undefined) return skip;
    const multiAz = db.facts.multiAz;
    if (isUnknown(multiAz)) return cannotVerify(`MultiAZ is ${multiAz.$unknown}`);
    return multiAz ? pass : fail('instance is single-AZ');
  },
});
