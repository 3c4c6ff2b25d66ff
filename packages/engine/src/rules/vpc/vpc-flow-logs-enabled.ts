import { defineRule, fail, pass } from '../rule.js';

export const vpcFlowLogsEnabled = defineRule({
  id: 'vpc-flow-logs-enabled',
  title: 'VPC flow logs are enabled',
  severity: 'high',
  rationale:
    'Flow logs are the network audit trail: without them there is no record of which addresses reached hosts ' +
    'holding ePHI, for incident investigation or anomaly detection (R-INF-1).',
  remediation: {
    cloudformation:
      'Add AWS::EC2::FlowLog with ResourceType: VPC, ResourceId: !Ref Vpc, TrafficType: ALL, to an encrypted log ' +
      'group and/or an S3 bucket (CDK: vpc.addFlowLog).',
    terraform: 'Add aws_flow_log with vpc_id = aws_vpc.main.id, traffic_type = "ALL" and a log destination.',
    console: 'VPC → Your VPCs → the VPC → Flow logs → Create flow log (filter All).',
  },
  controls: ['audit-logging', 'security-monitoring'],
  kinds: ['Vpc'],
  equivalents: { cdkNag: ['HIPAA.Security-VPCFlowLogsEnabled'], awsConfig: ['vpc-flow-logs-enabled'] },
  check(vpc) {
    return vpc.facts.flowLogs.length > 0 ? pass : fail('no flow log is attached to the VPC');
  },
});
