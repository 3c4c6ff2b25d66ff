import type { Resource } from '../../model/resource.js';
import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, skip, type Verdict } from '../rule.js';
import { ALL_PARTS, encryptionVerdict, type GlueEncryptionPart } from './encryption.js';
import { glueJudgedAsPhi } from './phi.js';

type GlueWriter = Resource<'GlueJob' | 'GlueCrawler' | 'GlueDevEndpoint'>;

/**
 * What each Glue resource writes that a security configuration encrypts (AWS Glue developer guide, "Encrypting
 * data written by crawlers, jobs, and development endpoints"): a job its S3 targets, CloudWatch logs and job
 * bookmarks; a crawler its CloudWatch logs; a development endpoint its S3 targets.
 */
const WRITES: Record<
  GlueWriter['kind'],
  { readonly parts: readonly GlueEncryptionPart[]; readonly what: string }
> = {
  GlueJob: { parts: ALL_PARTS, what: 'its S3 output, CloudWatch logs and job bookmarks' },
  GlueCrawler: { parts: ['cloudWatch'], what: 'its CloudWatch logs' },
  GlueDevEndpoint: { parts: ['s3'], what: 'its S3 output' },
};

/** The verdict both severities share: a named, found configuration that KMS-encrypts everything the resource writes. */
export function securityConfigurationVerdict(resource: GlueWriter): Verdict {
  // Ray jobs cannot use security configurations (AWS Glue developer guide): nothing to ask of them here.
  if (resource.kind === 'GlueJob' && resource.facts.command === 'glueray') return skip;
  const { parts, what } = WRITES[resource.kind];
  const configuration = resource.facts.securityConfiguration;
  if (configuration === undefined)
    return fail(`no security configuration: Glue writes ${what} without KMS encryption`);
  if (isUnknown(configuration))
    return cannotVerify(`the security configuration is ${configuration.$unknown}`);
  const name =
    typeof configuration.name === 'string' ? `"${configuration.name}"` : configuration.configuration;
  return encryptionVerdict(configuration, parts, `security configuration ${name}`);
}

export const securityConfigurationRemediation = {
  cloudformation:
    'Declare an AWS::Glue::SecurityConfiguration with EncryptionConfiguration: { S3Encryptions: [{ S3EncryptionMode: ' +
    'SSE-KMS, KmsKeyArn: !GetAtt PhiKey.Arn }], CloudWatchEncryption: { CloudWatchEncryptionMode: SSE-KMS, KmsKeyArn: ' +
    '!GetAtt LogKey.Arn }, JobBookmarksEncryption: { JobBookmarksEncryptionMode: CSE-KMS, KmsKeyArn: !GetAtt PhiKey.Arn } ' +
    '} and name it on the job (SecurityConfiguration: !Ref GlueSecurity), crawler (CrawlerSecurityConfiguration) or ' +
    'development endpoint (SecurityConfiguration).',
  terraform:
    'Declare aws_glue_security_configuration with encryption_configuration { s3_encryption { s3_encryption_mode = ' +
    '"SSE-KMS" }, cloudwatch_encryption { cloudwatch_encryption_mode = "SSE-KMS" }, job_bookmarks_encryption { ' +
    'job_bookmarks_encryption_mode = "CSE-KMS" } } (each with kms_key_arn) and set security_configuration = ' +
    'aws_glue_security_configuration.x.name on aws_glue_job, aws_glue_crawler and aws_glue_dev_endpoint.',
  console:
    'Glue → Security configurations → Add: turn on S3 encryption (SSE-KMS), CloudWatch logs encryption and job ' +
    "bookmark encryption with KMS keys; then choose it under the job's Security configuration (crawler: Security " +
    'settings).',
};

/**
 * Decision: as for S3 (s3-bucket-sse-kms), a Glue resource that may process PHI — inside the PHI boundary, or not
 * declared otherwise by its DataClassification tag — is judged at high; one its tag declares non-PHI at medium by
 * glue-security-configuration-used-non-phi.
 */
export const glueSecurityConfigurationUsed = defineRule({
  id: 'glue-security-configuration-used',
  title:
    'Glue jobs, crawlers and development endpoints use a security configuration that KMS-encrypts what they write',
  severity: 'high',
  rationale:
    'Without a security configuration Glue writes job output, CloudWatch logs (which echo records and errors) and ' +
    'job bookmarks without a customer key: ePHI extracted by an ETL job lands outside key policy and key-use audit ' +
    '(R-INF-2, R-INF-4). Resources tagged as holding no PHI are judged by glue-security-configuration-used-non-phi.',
  remediation: securityConfigurationRemediation,
  controls: ['encryption-at-rest', 'key-management', 'log-protection'],
  kinds: ['GlueJob', 'GlueCrawler', 'GlueDevEndpoint'],
  equivalents: { cdkNag: ['AwsSolutions-GL1', 'AwsSolutions-GL3'] },
  check(resource, { boundary }) {
    if (!glueJudgedAsPhi(resource, boundary)) return skip;
    return securityConfigurationVerdict(resource);
  },
});
