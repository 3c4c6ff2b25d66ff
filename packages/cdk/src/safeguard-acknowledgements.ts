import { CfnResource, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { type SafeguardSuppression, suppressSafeguard } from './safeguard-suppressions.js';

/** Shortest reason accepted in {@link SAFEGUARD_ACKNOWLEDGEMENTS} (as for a HIPAA override). */
export const MIN_SAFEGUARD_REASON_LENGTH = 20;

const RESTRICT_DEFAULT_SG_PROVIDER =
  "CDK's deploy-time custom-resource provider for restrictDefaultSecurityGroup (Custom::VpcRestrictDefaultSG)";

/**
 * Every Safeguard finding this package accepts on the resources it creates, with the reason a reviewer needs.
 * Nothing is suppressed anywhere else: constructs call {@link acknowledgeSafeguard} with a key of this list, on
 * the narrowest resource, which writes `Metadata.safeguard.suppress` for the engine (R-ENG-6). Findings are
 * fixed in the constructs wherever they can be; what is here cannot comply for a stated reason and holds no ePHI.
 */
export const SAFEGUARD_ACKNOWLEDGEMENTS = {
  restrictDefaultSgProviderInlinePolicy: {
    rule: 'iam-no-inline-policy',
    reason:
      `Role of ${RESTRICT_DEFAULT_SG_PROVIDER}: aws-cdk-lib emits it as a raw CfnResource with one inline policy, ` +
      'which ManagedPoliciesOnly cannot rewrite (it is not an iam.Policy). The policy only allows ' +
      'ec2:Authorize/RevokeSecurityGroupIngress/Egress on this VPC’s default security group; no data access.',
  },
  restrictDefaultSgProviderOutsideVpc: {
    rule: 'lambda-function-inside-vpc',
    reason:
      `Handler of ${RESTRICT_DEFAULT_SG_PROVIDER}: runs only while CloudFormation creates or updates the VPC, ` +
      'to strip the default security group, and calls the EC2 API only; it reads no ePHI and must work before ' +
      'the VPC’s endpoints and NAT gateways exist, so it cannot run inside the VPC it configures.',
  },
  restrictDefaultSgProviderConcurrency: {
    rule: 'lambda-function-concurrency',
    reason:
      `Handler of ${RESTRICT_DEFAULT_SG_PROVIDER}: invoked only by CloudFormation, once per create, update or ` +
      'delete of the VPC; nothing else may invoke it, so there is no load to cap, and reserving concurrency ' +
      'could fail deployment in accounts with a low concurrency quota.',
  },
  restrictDefaultSgProviderDeadLetterQueue: {
    rule: 'lambda-function-dlq',
    reason:
      `Handler of ${RESTRICT_DEFAULT_SG_PROVIDER}: a failure fails the CloudFormation deployment (the custom ` +
      'resource reports FAILED and the stack rolls back), which is where an operator acts; there is no event ' +
      'to replay later, so a dead-letter queue would hold nothing actionable.',
  },
  accessLogBucketSseS3: {
    rule: 's3-bucket-deny-unencrypted-put',
    reason:
      'Server-access-log (and ALB-access-log) bucket: S3 server access logs and ELB access logs are delivered ' +
      'only to SSE-S3 buckets (AWS limitation), so PutObject cannot be required to use SSE-KMS. It holds request ' +
      'metadata, never object content; private, versioned, TLS-only, and its object access is in CloudTrail.',
  },
  accessLogBucketNotReplicated: {
    rule: 's3-bucket-replication',
    reason:
      'Access logs are operational metadata with a regional scope; the audit record of PHI access (CloudTrail ' +
      'data events) lives in the Object Lock log archive, which is replicated to the recovery region.',
  },
  replicaBucketNotReplicated: {
    rule: 's3-bucket-replication',
    reason:
      'This bucket is itself the cross-region replica in the disaster-recovery region; replicating it onward ' +
      'would add a third copy without improving the recovery objectives (RPO 15 min, RTO 45 min).',
  },
} as const satisfies Record<string, SafeguardSuppression>;

/** Key of {@link SAFEGUARD_ACKNOWLEDGEMENTS}. */
export type SafeguardAcknowledgementKey = keyof typeof SAFEGUARD_ACKNOWLEDGEMENTS;

/** Suppresses the listed Safeguard rules on `resource` (an L1 resource, or an L2 construct's default child). */
export function acknowledgeSafeguard(resource: IConstruct, ...keys: SafeguardAcknowledgementKey[]): void {
  suppressSafeguard(
    resource,
    keys.map((key) => SAFEGUARD_ACKNOWLEDGEMENTS[key]),
  );
}

/** One Safeguard suppression recorded in the tree, as {@link listSafeguardSuppressions} returns it. */
export interface RecordedSafeguardSuppression extends SafeguardSuppression {
  /** Construct path of the resource. */
  readonly path: string;
  /** CloudFormation logical id of the resource (what the engine reports as the resource id). */
  readonly logicalId: string;
}

/** Every Safeguard suppression recorded on a resource under `root` (rule, reason, where). */
export function listSafeguardSuppressions(root: IConstruct): RecordedSafeguardSuppression[] {
  const found: RecordedSafeguardSuppression[] = [];
  for (const construct of root.node.findAll()) {
    if (!(construct instanceof CfnResource)) continue;
    const metadata = construct.getMetadata('safeguard') as { suppress?: SafeguardSuppression[] } | undefined;
    const logicalId = String(Stack.of(construct).resolve(construct.logicalId));
    for (const entry of metadata?.suppress ?? []) {
      found.push({ path: construct.node.path, logicalId, ...entry });
    }
  }
  return found;
}
