import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import { domainLabel } from './domains.js';

export const opensearchErrorLogsToCloudWatch = defineRule({
  id: 'opensearch-error-logs-to-cloudwatch',
  title: 'OpenSearch domains publish error logs to CloudWatch Logs',
  severity: 'medium',
  rationale:
    'Error (application) logs of a domain record failed requests, authentication errors and cluster faults; ' +
    'without them an incident on a store of ePHI cannot be investigated or alarmed on (R-INF-7).',
  remediation: {
    cloudformation:
      'Add LogPublishingOptions: { ES_APPLICATION_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: !GetAtt ' +
      'SearchLogs.Arn } } and a log group resource policy that lets es.amazonaws.com write to it.',
    terraform:
      'Add log_publishing_options { log_type = "ES_APPLICATION_LOGS", cloudwatch_log_group_arn = ' +
      'aws_cloudwatch_log_group.search.arn } to the domain, with an aws_cloudwatch_log_resource_policy for es.amazonaws.com.',
    console: 'OpenSearch Service → domain → Logs → Error logs → Enable → choose a CloudWatch log group.',
  },
  controls: ['audit-logging', 'security-monitoring'],
  kinds: ['SearchDomain'],
  equivalents: {
    cdkNag: ['HIPAA.Security-OpenSearchErrorLogsToCloudWatch'],
    awsConfig: ['opensearch-logs-to-cloudwatch', 'elasticsearch-logs-to-cloudwatch'],
  },
  check(domain) {
    const published = domain.facts.logPublishing;
    if (isUnknown(published)) return cannotVerify(`log publishing options are ${published.$unknown}`);
    // cdk-nag accepts a disabled ES_APPLICATION_LOGS entry; only an enabled one delivers anything.
    return published.includes('ES_APPLICATION_LOGS')
      ? pass
      : fail(
          `${domainLabel(domain)} does not publish error logs (ES_APPLICATION_LOGS) to CloudWatch Logs` +
            (published.length > 0 ? `; it publishes ${published.join(', ')} only` : ''),
        );
  },
});
