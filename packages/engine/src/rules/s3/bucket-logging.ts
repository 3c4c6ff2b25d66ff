import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { isAccessLogDestination } from './buckets.js';

export const s3BucketLogging = defineRule({
  id: 's3-bucket-logging',
  title: 'S3 bucket has server access logging',
  severity: 'medium',
  rationale:
    'Server access logs record every request to the bucket (who, what, when), the record an investigation of ' +
    'unauthorised access needs. PHI buckets are judged by s3-bucket-phi-access-logging at a higher severity.',
  remediation: {
    cloudformation:
      'Set LoggingConfiguration: { DestinationBucketName: !Ref AccessLogsBucket, LogFilePrefix: <bucket>/ }.',
    terraform:
      'Add aws_s3_bucket_logging with target_bucket = aws_s3_bucket.access_logs.id and a target_prefix.',
    console:
      'S3 → bucket → Properties → Server access logging → Edit → Enable, choose the access-log bucket.',
  },
  controls: ['audit-logging'],
  kinds: ['Bucket'],
  equivalents: {
    cdkNag: ['HIPAA.Security-S3BucketLoggingEnabled'],
    awsConfig: ['s3-bucket-logging-enabled'],
  },
  check(bucket, { model, boundary }) {
    if (boundary.has(bucket.id)) return skip; // s3-bucket-phi-access-logging
    // The log destination itself is not logged (it would log its own log deliveries), as cdk-nag accepts.
    if (isAccessLogDestination(bucket, model)) return pass;
    const logging = bucket.facts.accessLogging;
    if (isUnknown(logging)) return cannotVerify(`logging configuration is ${logging.$unknown}`);
    return logging === undefined ? fail('server access logging is off') : pass;
  },
});
