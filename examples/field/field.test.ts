import { describe, expect, it } from 'vitest';
import { find, scanJson } from '../scan-json.js';

interface Estate {
  readonly dir: string;
  /** Gaps a HIPAA reviewer finds in the templates: [rule, logical id, template file]. */
  readonly expected: readonly (readonly [rule: string, resource: string, file: string])[];
  /** [rule, logical id, HIPAA citation] a reviewer expects on some of them. */
  readonly citations: readonly (readonly [rule: string, resource: string, citation: string])[];
  /** [rule, logical id] that must NOT be reported (fixed false positives / compliant resources). */
  readonly absent: readonly (readonly [rule: string, resource: string])[];
}

const ESTATES: readonly Estate[] = [
  {
    dir: 'examples/field/ecs-refarch-cloudformation',
    expected: [
      // security-groups.yaml: the load balancer group admits every protocol and port from 0.0.0.0/0.
      ['ec2-security-group-no-public-ssh-rdp', 'LoadBalancerSecurityGroup', 'security-groups.yaml'],
      ['ec2-security-group-no-public-database-ports', 'LoadBalancerSecurityGroup', 'security-groups.yaml'],
      [
        'ec2-security-group-public-ingress-only-lb-https',
        'LoadBalancerSecurityGroup',
        'security-groups.yaml',
      ],
      // load-balancers.yaml: a plain-HTTP internet-facing ALB, no WAF, no access logs.
      ['elb-http-listener-redirects-to-https', 'LoadBalancer', 'load-balancers.yaml'],
      ['elb-alb-waf-associated', 'LoadBalancer', 'load-balancers.yaml'],
      ['elb-access-logging', 'LoadBalancer', 'load-balancers.yaml'],
      // ecs-cluster.yaml: IMDSv1 hosts, launch configuration leaving the public IP to the subnet, wildcard IAM.
      ['ec2-imdsv2-required', 'ECSAutoScalingGroup', 'ecs-cluster.yaml'],
      ['autoscaling-launch-config-no-public-ip', 'ECSLaunchConfiguration', 'ecs-cluster.yaml'],
      ['iam-policy-no-full-access', 'ECSServiceAutoScalingRole', 'ecs-cluster.yaml'],
      // The host role carries the deprecated AmazonEC2RoleforSSM: every container reads and writes every bucket.
      ['iam-policy-no-full-access', 'ECSRole', 'ecs-cluster.yaml'],
      // lifecyclehook.yaml: unencrypted SNS topic, Lambda on a retired runtime (python3.6).
      ['sns-topic-kms', 'NotificationTopic', 'lifecyclehook.yaml'],
      ['lambda-function-runtime-deprecated', 'LifecycleHandlerFunction', 'lifecyclehook.yaml'],
    ],
    citations: [
      ['elb-http-listener-redirects-to-https', 'LoadBalancer', '164.312(e)(1)'],
      ['sns-topic-kms', 'NotificationTopic', '164.312(a)(2)(iv)'],
      ['ec2-security-group-no-public-ssh-rdp', 'LoadBalancerSecurityGroup', '164.312(a)(1)'],
    ],
    absent: [],
  },
  {
    dir: 'examples/field/aws-refarch-wordpress',
    expected: [
      [
        'ec2-security-group-no-public-ssh-rdp',
        'BastionSecurityGroup',
        'aws-refarch-wordpress-02-securitygroups.yaml',
      ],
      // 03-publicalb.yaml: the HTTPS listener keeps the default TLS 1.0 policy; port 80 forwards plain HTTP.
      ['elb-listener-tls-policy', 'PublicApplicationLoadBalancer', 'aws-refarch-wordpress-03-publicalb.yaml'],
      [
        'elb-http-listener-redirects-to-https',
        'PublicApplicationLoadBalancer',
        'aws-refarch-wordpress-03-publicalb.yaml',
      ],
      // 03-rds.yaml: Aurora MySQL 1 (engine "aurora", no version) is past end of support; no TLS enforcement.
      ['rds-engine-end-of-support', 'DatabaseCluster', 'aws-refarch-wordpress-03-rds.yaml'],
      ['rds-force-ssl', 'DatabaseCluster', 'aws-refarch-wordpress-03-rds.yaml'],
      ['rds-deletion-protection', 'DatabaseCluster', 'aws-refarch-wordpress-03-rds.yaml'],
      ['rds-public-access', 'DatabaseInstance0', 'aws-refarch-wordpress-03-rds.yaml'],
      // 03-elasticache.yaml: Memcached without encryption.
      ['elasticache-at-rest-encryption', 'ElastiCacheCluster', 'aws-refarch-wordpress-03-elasticache.yaml'],
      [
        'elasticache-in-transit-encryption',
        'ElastiCacheCluster',
        'aws-refarch-wordpress-03-elasticache.yaml',
      ],
      // 04-cloudfront.yaml: both distributions.
      [
        'cloudfront-viewer-https',
        'CloudFrontDistributionNoSslCertificate',
        'aws-refarch-wordpress-04-cloudfront.yaml',
      ],
      [
        'cloudfront-viewer-tls-policy',
        'CloudFrontDistributionNoSslCertificate',
        'aws-refarch-wordpress-04-cloudfront.yaml',
      ],
      [
        'cloudfront-origin-https',
        'CloudFrontDistributionNoSslCertificate',
        'aws-refarch-wordpress-04-cloudfront.yaml',
      ],
      [
        'cloudfront-viewer-tls-policy',
        'CloudFrontDistributionSslCertificate',
        'aws-refarch-wordpress-04-cloudfront.yaml',
      ],
      [
        'cloudfront-access-logging',
        'CloudFrontDistributionSslCertificate',
        'aws-refarch-wordpress-04-cloudfront.yaml',
      ],
      [
        'cloudfront-waf-associated',
        'CloudFrontDistributionSslCertificate',
        'aws-refarch-wordpress-04-cloudfront.yaml',
      ],
    ],
    citations: [
      ['cloudfront-viewer-https', 'CloudFrontDistributionNoSslCertificate', '164.312(e)(1)'],
      ['elasticache-at-rest-encryption', 'ElastiCacheCluster', '164.312(a)(2)(iv)'],
      ['rds-engine-end-of-support', 'DatabaseCluster', '164.308(a)(1)(ii)(B)'],
    ],
    absent: [
      // Storage encryption defaults to true through the DatabaseEncrpytedBoolean parameter.
      ['rds-storage-encrypted', 'DatabaseCluster'],
      // The SSL distribution redirects viewers to HTTPS and reaches its origin over HTTPS only.
      ['cloudfront-viewer-https', 'CloudFrontDistributionSslCertificate'],
      ['cloudfront-origin-https', 'CloudFrontDistributionSslCertificate'],
      // Memcached has no AUTH and no snapshots: the Redis-only rules do not apply.
      ['elasticache-redis-authentication', 'ElastiCacheCluster'],
      ['elasticache-automatic-backup', 'ElastiCacheCluster'],
    ],
  },
  {
    dir: 'examples/field/startup-kit-templates',
    expected: [
      ['rds-storage-encrypted', 'AuroraCluster', 'aurora.cfn.yml'],
      ['rds-engine-end-of-support', 'AuroraCluster', 'aurora.cfn.yml'],
      ['rds-backup-retention', 'AuroraCluster', 'aurora.cfn.yml'],
      ['rds-storage-encrypted', 'Database', 'db.cfn.yml'],
      ['rds-multi-az', 'Database', 'db.cfn.yml'],
      ['iam-policy-no-admin-access', 'AppRole', 'elastic-beanstalk.cfn.yml'],
      // The NoEcho database password becomes the DB_PASSWORD environment property, in plaintext in the
      // environment configuration.
      ['elasticbeanstalk-environment-no-plaintext-secrets', 'Environment', 'elastic-beanstalk.cfn.yml'],
      ['elasticache-at-rest-encryption', 'ElastiCacheCluster', 'elasticache.cfn.yml'],
      ['elasticache-in-transit-encryption', 'ElastiCacheCluster', 'elasticache.cfn.yml'],
      ['elasticache-redis-authentication', 'ElastiCacheCluster', 'elasticache.cfn.yml'],
      ['vpc-flow-logs-enabled', 'VPC', 'vpc.cfn.yml'],
      ['ec2-security-group-no-public-ssh-rdp', 'BastionSecurityGroup', 'vpc.cfn.yml'],
    ],
    citations: [
      ['rds-storage-encrypted', 'Database', '164.312(a)(2)(iv)'],
      ['iam-policy-no-admin-access', 'AppRole', '164.308(a)(4)(ii)(B)'],
      ['vpc-flow-logs-enabled', 'VPC', '164.312(b)'],
    ],
    absent: [
      // PostgreSQL without EngineVersion is created on the current default version (rds.force_ssl on).
      ['rds-engine-end-of-support', 'Database'],
      ['rds-force-ssl', 'Database'],
    ],
  },
  {
    dir: 'examples/field/quickstart-compliance-hipaa',
    expected: [
      ['cloudtrail-encryption', 'CloudTrailTrail', 'compliance-hipaa-logging.template.yaml'],
      ['cloudtrail-multi-region', 'CloudTrailTrail', 'compliance-hipaa-logging.template.yaml'],
      ['s3-bucket-audit-log-object-lock', 'AWSCloudTrailBucket', 'compliance-hipaa-logging.template.yaml'],
      ['sns-topic-kms', 'SNSSecurityAlarmTopic', 'compliance-hipaa-logging.template.yaml'],
      ['logs-log-group-encrypted', 'CloudTrailLogGroup', 'compliance-hipaa-logging.template.yaml'],
    ],
    citations: [['cloudtrail-multi-region', 'CloudTrailTrail', '164.312(b)']],
    absent: [
      // The trail validates its log files and the buckets deny non-TLS requests.
      ['cloudtrail-log-file-validation', 'CloudTrailTrail'],
      ['s3-bucket-tls-only', 'AWSCloudTrailBucket'],
      ['s3-bucket-versioning', 'AWSLoggingBucket'],
    ],
  },
  {
    dir: 'examples/field/aws-modern-application-workshop',
    expected: [
      // real-time-streaming.yml: a Direct PUT Firehose stream with no server-side encryption (was Unmodelled).
      ['firehose-delivery-stream-encrypted', 'MysfitsFireHoseToS3', 'real-time-streaming.yml'],
      ['s3-bucket-tls-only', 'ClicksDestinationBucket', 'real-time-streaming.yml'],
      ['lambda-function-runtime-deprecated', 'MysfitsClicksProcessor', 'real-time-streaming.yml'],
      ['apigw-stage-access-logging', 'ClickProcessingApi', 'real-time-streaming.yml'],
      // core.yml: no flow logs, public subnets handing out addresses, a CodePipeline role with service wildcards.
      ['vpc-flow-logs-enabled', 'VPC', 'core.yml'],
      ['vpc-subnet-no-auto-public-ip', 'PublicSubnetOne', 'core.yml'],
      ['iam-policy-no-full-access', 'MythicalMysfitsServiceCodePipelineServiceRole', 'core.yml'],
    ],
    citations: [['firehose-delivery-stream-encrypted', 'MysfitsFireHoseToS3', '164.312(a)(2)(iv)']],
    absent: [],
  },
  {
    dir: 'examples/field/aws-waf-security-automations',
    expected: [
      // firehose-athena.template: Athena workgroups (were Unmodelled) write query results over the WAF and access
      // logs (client addresses) without result encryption.
      [
        'athena-workgroup-results-encrypted',
        'WAFLogAthenaQueryWorkGroup',
        'aws-waf-security-automations-firehose-athena.template',
      ],
      [
        'athena-workgroup-results-encrypted',
        'WAFAppAccessLogAthenaQueryWorkGroup',
        'aws-waf-security-automations-firehose-athena.template',
      ],
      ['wafv2-web-acl-logging', 'WAFWebACL', 'aws-waf-security-automations-webacl.template'],
    ],
    citations: [['athena-workgroup-results-encrypted', 'WAFLogAthenaQueryWorkGroup', '164.312(a)(2)(iv)']],
    absent: [
      // The delivery stream is encrypted with an AWS owned key.
      ['firehose-delivery-stream-encrypted', 'FirehoseWAFLogsDeliveryStream'],
    ],
  },
  {
    dir: 'examples/field/quickstart-amazon-redshift',
    expected: [
      // EncryptionAtRest and EnableLoggingToS3 default to false.
      ['redshift-cluster-configuration', 'RedshiftCluster', 'redshift.template.yaml'],
      ['redshift-enhanced-vpc-routing', 'RedshiftCluster', 'redshift.template.yaml'],
      ['sns-topic-kms', 'SNSTopic', 'redshift.template.yaml'],
      ['lambda-function-runtime-deprecated', 'GenID', 'generateid.template.yaml'],
    ],
    citations: [['redshift-cluster-configuration', 'RedshiftCluster', '164.312(a)(2)(iv)']],
    absent: [
      // The parameter group sets require_ssl; PubliclyAccessible defaults to false; snapshots are kept.
      ['redshift-require-tls', 'RedshiftCluster'],
      ['redshift-public-access', 'RedshiftCluster'],
      ['redshift-backup-enabled', 'RedshiftCluster'],
    ],
  },
  {
    dir: 'examples/field/amazon-sagemaker-secure-mlops',
    expected: [
      // env-s3.yaml: the bucket policies restrict access to the VPC endpoint but never deny plain HTTP.
      ['s3-bucket-tls-only', 'DataBucket', 'env-s3.yaml'],
      ['s3-bucket-tls-only', 'ModelBucket', 'env-s3.yaml'],
      // env-vpc.yaml: CreateVPCFlowLogsToCloudWatch defaults to NO.
      ['vpc-flow-logs-enabled', 'VPC', 'env-vpc.yaml'],
    ],
    citations: [['s3-bucket-tls-only', 'DataBucket', '164.312(e)(1)']],
    absent: [
      // Both buckets use SSE-KMS with the environment key and block public access.
      ['s3-bucket-sse-kms', 'DataBucket'],
      ['s3-bucket-public-access-block', 'ModelBucket'],
    ],
  },
];

describe('field test: third-party legacy CloudFormation estates', () => {
  it.each(ESTATES.map((estate) => [estate.dir, estate] as const))('%s', async (dir, estate) => {
    const { report } = await scanJson(dir);
    expect(report.errors).toEqual([]);
    const missing = estate.expected
      .filter(([rule, resource, file]) => !find(report, rule, resource)?.location.file.endsWith(file))
      .map(([rule, resource]) => `${rule} on ${resource}`);
    expect(missing).toEqual([]);
    for (const [rule, resource, citation] of estate.citations) {
      const hipaa = (find(report, rule, resource)?.controls ?? []).flatMap((c) => c.citations.hipaa ?? []);
      expect(hipaa, `${rule} on ${resource}`).toContain(citation);
    }
    const unexpected = estate.absent
      .filter(([rule, resource]) => find(report, rule, resource))
      .map(([rule, resource]) => `${rule} on ${resource}`);
    expect(unexpected).toEqual([]);
  });
});
