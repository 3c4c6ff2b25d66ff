import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const dmsReplicationNotPublic = defineRule({
  id: 'dms-replication-not-public',
  title: 'DMS replication instances are not publicly accessible',
  severity: 'critical',
  rationale:
    'A replication instance holds credentials of the source and target databases and streams their ePHI; AWS DMS ' +
    'makes it public (a public IP address) unless told otherwise (R-INF-1).',
  remediation: {
    cloudformation:
      'Set PubliclyAccessible: false and ReplicationSubnetGroupIdentifier to a subnet group of private subnets.',
    terraform: 'Set publicly_accessible = false on aws_dms_replication_instance (the AWS default is public).',
    console:
      'A replication instance cannot be made private after creation: create one with Public accessible unticked ' +
      'in private subnets and move the tasks to it.',
  },
  controls: ['public-exposure', 'network-segmentation'],
  kinds: ['ReplicationInstance'],
  equivalents: {
    cdkNag: ['HIPAA.Security-DMSReplicationNotPublic'],
    awsConfig: ['dms-replication-not-public'],
  },
  check(instance) {
    const value = instance.facts.publiclyAccessible;
    if (isUnknown(value)) return cannotVerify(`publicly accessible is ${value.$unknown}`);
    return value ? fail('replication instance is publicly accessible') : pass;
  },
});
