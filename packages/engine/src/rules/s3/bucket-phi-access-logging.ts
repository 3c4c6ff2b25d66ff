import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { isAccessLogDestination } from './buckets.js';

export const s3BucketPhiAccessLogging = defineRule({
  id: 's3-bucket-phi-access-logging',
  title: 'S3 buckets holding PHI have server access logging',
  severity: 'high',
  rationale:
    'HIPAA requires recording activity in systems that hold ePHI (R-INF-4): without access logs no one can tell who ' +
    'read or changed a patient record stored in the bucket.',
  remediation: {
    cloudformation:
      'Set LoggingConfiguration: { DestinationBucketName: !Ref AccessLogsBucket, LogFilePrefix: <bucket>/ } on the PHI bucket.',
    terraform: 'Add aws_s3_bucket_logging for the PHI bucket with target_bucket = the access-log bucket.',
    console: 'S3 → PHI bucket → Properties → Server access logging → Edit → Enable.',
  },
  controls: ['audit-logging'],
  kinds: ['Bucket'],
  equivalents: {
    cdkNag: ['HIPAA.Security-S3BucketLoggingEnabled'],
    awsConfig: ['s3-bucket-logging-enabled'],
  },
  check(bucket, { model, boundary }) {
    if (!boundary.has(bucket.id)) return skip;
    // A PHI bucket's access-log destination joins the boundary, but cannot log its own log deliveries into
    // itself; as for any bucket (s3-bucket-logging), the destination is accepted as it is.
    if (isAccessLogDestination(bucket, model)) return pass;
    const logging = bucket.facts.accessLogging;
    if (isUnknown(logging)) return cannotVerify(`logging configuration is ${logging.$unknown}`);
    return logging === undefined
      ? fail(`server access logging is off on a PHI bucket (${boundary.reason(bucket.id) ?? 'PHI boundary'})`)
      : pass;
  },
});
