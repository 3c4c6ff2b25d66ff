import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const emrClusterEncryption = defineRule({
  id: 'emr-cluster-encryption',
  title: 'EMR clusters use a security configuration with encryption at rest and in transit',
  severity: 'high',
  rationale:
    'EMR processes bulk data (often ePHI) on local disks, EBS and S3 and shuffles it between nodes; both must be encrypted (R-INF-4, R-INF-5).',
  remediation: {
    cloudformation:
      'Add AWS::EMR::SecurityConfiguration with EncryptionConfiguration { EnableAtRestEncryption: true, EnableInTransitEncryption: true, … } and set SecurityConfiguration: !Ref it on the cluster.',
    terraform:
      'Add aws_emr_security_configuration with both encryption flags and set security_configuration on aws_emr_cluster.',
    console:
      'EMR → Security configurations → Create (at-rest and in-transit encryption) → use it when creating the cluster.',
  },
  controls: ['encryption-at-rest', 'encryption-in-transit'],
  kinds: ['EmrCluster'],
  check(cluster) {
    const configuration = cluster.facts.securityConfiguration;
    if (configuration === undefined)
      return fail('no SecurityConfiguration: no encryption at rest or in transit');
    if (isUnknown(configuration)) return cannotVerify(`security configuration is ${configuration.$unknown}`);
    const missing: string[] = [];
    if (configuration.atRestEncryption === false) missing.push('at rest');
    if (configuration.inTransitEncryption === false) missing.push('in transit');
    if (missing.length > 0)
      return fail(`security configuration does not enable encryption ${missing.join(' and ')}`);
    if (isUnknown(configuration.atRestEncryption) || isUnknown(configuration.inTransitEncryption))
      return cannotVerify('encryption flags of the security configuration are unknown');
    return pass;
  },
});
