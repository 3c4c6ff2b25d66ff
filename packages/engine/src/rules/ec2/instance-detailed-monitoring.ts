import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const ec2InstanceDetailedMonitoring = defineRule({
  id: 'ec2-instance-detailed-monitoring',
  title: 'EC2 instances and launch configurations use detailed monitoring',
  severity: 'low',
  rationale:
    'One-minute metrics shorten the time to notice abnormal load or an outage of hosts serving ePHI.',
  remediation: {
    cloudformation:
      'Set Monitoring: true on AWS::EC2::Instance; keep InstanceMonitoring: true (default) on launch configurations.',
    terraform: 'Set monitoring = true on aws_instance (enable_monitoring = true on launch configurations).',
    console: 'EC2 → the instance → Actions → Monitor and troubleshoot → Manage detailed monitoring → Enable.',
  },
  controls: ['security-monitoring'],
  kinds: ['Instance', 'LaunchConfiguration'],
  equivalents: {
    cdkNag: ['HIPAA.Security-EC2InstanceDetailedMonitoringEnabled'],
    awsConfig: ['ec2-instance-detailed-monitoring-enabled'],
  },
  check(resource) {
    const monitoring = resource.facts.detailedMonitoring;
    if (isUnknown(monitoring)) return cannotVerify(`detailed monitoring is ${monitoring.$unknown}`);
    return monitoring ? pass : fail('detailed monitoring is off');
  },
});
