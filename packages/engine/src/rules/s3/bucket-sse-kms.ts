import type { Model, Resource } from '../../model/resource.js';
import { isRef, isUnknown } from '../../model/values.js';
import { judgedAsPhi } from '../phi-declaration.js';
import { cannotVerify, defineRule, fail, pass, skip, type Verdict } from '../rule.js';

/** The SSE-KMS verdict shared by both rules: log-delivery targets skip, SSE-KMS passes, SSE-S3 fails. */
export function sseKmsVerdict(bucket: Resource<'Bucket'>, model: Model): Verdict {
  // S3 server access logs and load-balancer access logs are delivered only to SSE-S3 buckets; such a target
  // cannot use SSE-KMS.
  const logTargets = model.memo('s3-bucket-sse-kms/access-log-targets', () => {
    const targets = new Set<string>();
    for (const source of model.ofKind('Bucket')) {
      const logging = source.facts.accessLogging;
      if (logging === undefined || isUnknown(logging)) continue;
      const destination = logging.destination;
      if (isRef(destination)) targets.add(destination.$ref);
      else if (typeof destination === 'string') targets.add(`name:${destination}`);
    }
    // Elastic Load Balancing delivers access logs only to SSE-S3 buckets as well.
    for (const balancer of model.ofKind('LoadBalancer')) {
      const bucket = balancer.facts.accessLogBucket;
      if (balancer.facts.accessLogging !== true || bucket === undefined) continue;
      if (isRef(bucket)) targets.add(bucket.$ref);
      else if (typeof bucket === 'string') targets.add(`name:${bucket}`);
      else for (const ref of bucket.refs ?? []) targets.add(ref);
    }
    return targets;
  });
  const name = bucket.facts.name;
  if (logTargets.has(bucket.id) || (typeof name === 'string' && logTargets.has(`name:${name}`))) return skip;
  const algorithm = bucket.facts.sseAlgorithm;
  if (isUnknown(algorithm)) return cannotVerify(`default encryption algorithm is ${algorithm.$unknown}`);
  if (algorithm === 'aws:kms' || algorithm === 'aws:kms:dsse') return pass;
  return fail(`default encryption is ${algorithm === 'AES256' ? 'SSE-S3 (AES256)' : algorithm}, not SSE-KMS`);
}

/**
 * Decision (R-INF-4 "S3 with SSE-KMS (not SSE-S3)"): SSE-S3 is encryption at rest, so it is a high finding only
 * where key policy and key-use audit are required — on any bucket that may hold PHI: inside the PHI boundary, or
 * simply not declared otherwise (untagged). A bucket its classification tag declares non-PHI
 * (`DataClassification=Public`) and that no PHI resource references is judged at medium by s3-bucket-sse-kms-non-phi.
 */
export const s3BucketSseKms = defineRule({
  id: 's3-bucket-sse-kms',
  title: 'S3 bucket default encryption uses SSE-KMS',
  severity: 'high',
  rationale:
    'SSE-S3 keys are owned by AWS and cannot be audited, restricted or destroyed by you; SSE-KMS puts every read ' +
    'of ePHI behind a key policy and a CloudTrail record of key use. Buckets tagged as holding no PHI ' +
    '(DataClassification=Public, Internal, …) and outside the PHI boundary are judged by s3-bucket-sse-kms-non-phi.',
  remediation: {
    cloudformation:
      'Set BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault to ' +
      '{ SSEAlgorithm: aws:kms, KMSMasterKeyID: !Ref PhiKey } and BucketKeyEnabled: true.',
    terraform:
      'Add aws_s3_bucket_server_side_encryption_configuration with rule.apply_server_side_encryption_by_default ' +
      '{ sse_algorithm = "aws:kms", kms_master_key_id = aws_kms_key.phi.arn } and bucket_key_enabled = true.',
    console: 'S3 → bucket → Properties → Default encryption → Edit → SSE-KMS, choose a customer managed key.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Bucket'],
  equivalents: {
    cdkNag: ['HIPAA.Security-S3DefaultEncryptionKMS'],
    awsConfig: ['s3-default-encryption-kms', 's3-bucket-server-side-encryption-enabled'],
  },
  check(bucket, { model, boundary }) {
    if (!judgedAsPhi(bucket, boundary)) return skip;
    return sseKmsVerdict(bucket, model);
  },
});
