import { defineRule, fail, pass } from '../rule.js';

export const cloudfrontAccessLogging = defineRule({
  id: 'cloudfront-access-logging',
  title: 'CloudFront distributions write access logs',
  severity: 'medium',
  rationale:
    'Edge access logs are the only record of who requested what through the distribution (client, path, status, TLS ' +
    'version): without them access to ePHI served through CloudFront cannot be investigated.',
  remediation: {
    cloudformation:
      'Add DistributionConfig.Logging { Bucket: <log bucket>.s3.amazonaws.com, Prefix: cloudfront/ } (the bucket needs ACLs enabled).',
    terraform:
      'Add logging_config { bucket = aws_s3_bucket.logs.bucket_domain_name, prefix = "cloudfront/" }.',
    console:
      'CloudFront → the distribution → General → Settings → Edit → Standard logging: On, choose the S3 bucket.',
  },
  controls: ['audit-logging'],
  kinds: ['Distribution'],
  check(distribution) {
    return distribution.facts.loggingBucket === undefined
      ? fail('no access logging (DistributionConfig.Logging not set)')
      : pass;
  },
});
