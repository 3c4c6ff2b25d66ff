import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const vpcFlowLogsAllTrafficCloudwatchAndS3 = defineRule({
  id: 'vpc-flow-logs-all-traffic-cloudwatch-and-s3',
  title: 'VPC flow logs capture all traffic to both CloudWatch Logs and S3',
  severity: 'low',
  rationale:
    'R-INF-1 sends flow logs to an encrypted log group (for queries and alarms) and to S3 (for long, cheap, ' +
    'immutable retention); logging only ACCEPT or REJECT traffic leaves gaps in the network audit trail.',
  remediation: {
    cloudformation:
      'Declare two AWS::EC2::FlowLog resources for the VPC with TrafficType: ALL: LogDestinationType: ' +
      'cloud-watch-logs (LogGroupName, DeliverLogsPermissionArn) and LogDestinationType: s3 (LogDestination bucket ARN).',
    terraform:
      'Declare two aws_flow_log resources with traffic_type = "ALL": log_destination_type = "cloud-watch-logs" and "s3".',
    console: 'VPC → the VPC → Flow logs → create one to CloudWatch Logs and one to S3, filter All.',
  },
  controls: ['audit-logging', 'log-retention'],
  kinds: ['Vpc'],
  check(vpc) {
    const logs = vpc.facts.flowLogs;
    if (logs.length === 0) return pass; // no flow logs at all is vpc-flow-logs-enabled's finding
    const unknownField = logs.find((log) => isUnknown(log.trafficType) || isUnknown(log.destinationType));
    const all = logs.filter((log) => log.trafficType === 'ALL');
    const missing: string[] = [];
    if (!all.some((log) => log.destinationType === 'cloud-watch-logs')) missing.push('CloudWatch Logs');
    if (!all.some((log) => log.destinationType === 's3')) missing.push('S3');
    if (missing.length === 0) return pass;
    if (unknownField) return cannotVerify('a flow log traffic type or destination type is unknown');
    return fail(`no flow log capturing ALL traffic to ${missing.join(' or ')}`);
  },
});
