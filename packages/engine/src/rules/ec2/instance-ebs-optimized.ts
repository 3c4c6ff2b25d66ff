import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

/** Previous-generation types that support EBS optimisation but do not enable it by default (cdk-nag's list). */
const OPTIONAL_EBS_OPTIMIZATION = new Set([
  'c1.xlarge',
  'c3.xlarge',
  'c3.2xlarge',
  'c3.4xlarge',
  'g2.2xlarge',
  'i2.xlarge',
  'i2.2xlarge',
  'i2.4xlarge',
  'm1.large',
  'm1.xlarge',
  'm2.2xlarge',
  'm2.4xlarge',
  'm3.xlarge',
  'm3.2xlarge',
  'r3.xlarge',
  'r3.2xlarge',
  'r3.4xlarge',
]);

export const ec2InstanceEbsOptimized = defineRule({
  id: 'ec2-instance-ebs-optimized',
  title: 'EC2 instances whose type supports optional EBS optimisation enable it',
  severity: 'low',
  rationale:
    'EBS optimisation gives storage traffic dedicated bandwidth, so backups and I/O of ePHI volumes do not starve (or are not starved by) network traffic.',
  remediation: {
    cloudformation:
      'Set EbsOptimized: true, or move to a current-generation instance type (EBS-optimised by default).',
    terraform: 'Set ebs_optimized = true on aws_instance, or use a current-generation instance_type.',
    console:
      'EC2 → the instance (stopped) → Actions → Instance settings → Change instance type → EBS-optimized.',
  },
  controls: ['capacity-management'],
  kinds: ['Instance'],
  equivalents: { cdkNag: ['HIPAA.Security-EC2EBSOptimizedInstance'], awsConfig: ['ebs-optimized-instance'] },
  check(instance) {
    const { instanceType, ebsOptimized } = instance.facts;
    if (isUnknown(instanceType)) return cannotVerify(`instance type is ${instanceType.$unknown}`);
    if (!OPTIONAL_EBS_OPTIMIZATION.has(instanceType)) return pass;
    if (isUnknown(ebsOptimized)) return cannotVerify(`EbsOptimized is ${ebsOptimized.$unknown}`);
    return ebsOptimized
      ? pass
      : fail(`${instanceType} supports EBS optimisation but EbsOptimized is not true`);
  },
});
