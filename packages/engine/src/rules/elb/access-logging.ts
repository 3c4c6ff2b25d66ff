import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const elbAccessLogging = defineRule({
  id: 'elb-access-logging',
  title: 'Load balancers write access logs',
  severity: 'medium',
  rationale:
    'Access logs record every request reaching the application (client, path, status, TLS version): the audit trail needed to investigate access to ePHI.',
  remediation: {
    cloudformation:
      'ELBv2: LoadBalancerAttributes access_logs.s3.enabled "true" and access_logs.s3.bucket; classic: ' +
      'AccessLoggingPolicy { Enabled: true, S3BucketName }.',
    terraform: 'Add access_logs { bucket = aws_s3_bucket.logs.id, enabled = true } to aws_lb (or aws_elb).',
    console:
      'EC2 → Load balancers → the load balancer → Attributes → Edit → Access logs: on, choose the S3 location.',
  },
  controls: ['audit-logging'],
  kinds: ['LoadBalancer'],
  equivalents: { cdkNag: ['HIPAA.Security-ELBLoggingEnabled'], awsConfig: ['elb-logging-enabled'] },
  check(lb) {
    const enabled = lb.facts.accessLogging;
    if (isUnknown(enabled)) return cannotVerify(`access logging is ${enabled.$unknown}`);
    return enabled ? pass : fail('access logging is not enabled');
  },
});
