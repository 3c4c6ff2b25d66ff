import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Every cdk-nag finding this package acknowledges, with the reason a reviewer needs. Nothing is acknowledged
 * anywhere else: constructs call {@link acknowledgeNag} with a key of this list, on the narrowest construct.
 * (cdk-nag v3 reads CDK's native `Validations.of(scope).acknowledge()`; `NagSuppressions` no longer exists.)
 */
export const NAG_ACKNOWLEDGEMENTS = {
  accessLogBucketSseS3: {
    id: 'HIPAA.Security-S3DefaultEncryptionKMS',
    reason:
      'Server-access-log and ALB-access-log bucket: S3 server access logging and ELB access logs can only be ' +
      'delivered to SSE-S3 buckets (AWS limitation, enforced by aws-cdk-lib). It holds request metadata, never ' +
      'object content; it is private, versioned, TLS-only and expires logs after six years.',
  },
  accessLogBucketNotReplicated: {
    id: 'HIPAA.Security-S3BucketReplicationEnabled',
    reason:
      'Access logs are operational metadata with a regional scope; the audit record of PHI access (CloudTrail ' +
      'data events) lives in the Object Lock log archive, which is replicated to the recovery region.',
  },
  replicaBucketNotReplicated: {
    id: 'HIPAA.Security-S3BucketReplicationEnabled',
    reason:
      'This bucket is itself the cross-region replica in the disaster-recovery region; replicating it onward ' +
      'would add a third copy without improving the recovery objectives (RPO 15 min, RTO 45 min).',
  },
  publicSubnetRouteToInternet: {
    id: 'HIPAA.Security-VPCNoUnrestrictedRouteToIGW',
    reason:
      'Public-tier route tables need 0.0.0.0/0 to the internet gateway for the internet-facing ALB and the NAT ' +
      'gateways; no workload runs there (subnets do not assign public IPs, tasks and databases live in the ' +
      'application and data tiers, whose routes go to NAT or nowhere).',
  },
  httpRedirectListener: {
    id: 'HIPAA.Security-ELBv2ACMCertificateRequired',
    reason:
      'Port-80 listener whose only action is a permanent redirect to HTTPS 443 (ALBHttpToHttpsRedirection passes); ' +
      'it serves no content, so there is nothing to protect with a certificate. The 443 listener uses ACM.',
  },
} as const satisfies Record<string, { id: string; reason: string }>;

/** Key of {@link NAG_ACKNOWLEDGEMENTS}. */
export type NagAcknowledgementKey = keyof typeof NAG_ACKNOWLEDGEMENTS;

/** Acknowledges the listed findings on `scope` (and everything under it). */
export function acknowledgeNag(scope: IConstruct, ...keys: NagAcknowledgementKey[]): void {
  for (const key of keys) {
    const { id, reason } = NAG_ACKNOWLEDGEMENTS[key];
    Validations.of(scope).acknowledge({ id, reason });
  }
}

/**
 * Every cdk-nag acknowledgement of `pack` recorded in the tree under `root`: construct path, rule id and reason.
 * (aws-cdk-lib records its own CloudFormation-validation acknowledgements in the same metadata; they are skipped.)
 */
export function listNagAcknowledgements(
  root: IConstruct,
  pack = 'HIPAA.Security',
): { path: string; id: string; reason: string }[] {
  const found: { path: string; id: string; reason: string }[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        const ruleId = id.replace(/^[^:]*::/, '');
        if (ruleId.startsWith(`${pack}-`)) found.push({ path: construct.node.path, id: ruleId, reason });
      }
    }
  }
  return found;
}
