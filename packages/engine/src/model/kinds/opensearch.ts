import type { ResourceRef, Val } from '../values.js';
import type { PolicyStatement } from './s3.js';

/** An OpenSearch Service domain (`AWS::OpenSearchService::Domain` or the legacy `AWS::Elasticsearch::Domain`). */
export interface SearchDomainFacts {
  readonly name: Val<string> | undefined;
  readonly engineVersion: Val<string> | undefined;
  /** @default false */
  readonly encryptedAtRest: Val<boolean>;
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /** @default false */
  readonly nodeToNodeEncryption: Val<boolean>;
  /** `DomainEndpointOptions.EnforceHTTPS`. @default false */
  readonly enforceHttps: Val<boolean>;
  /** `DomainEndpointOptions.TLSSecurityPolicy`. @default Policy-Min-TLS-1-0-2019-07 */
  readonly tlsPolicy: Val<string>;
  /** Inside a VPC (`VPCOptions.SubnetIds` set). */
  readonly inVpc: Val<boolean>;
  /** Log types published to CloudWatch Logs and enabled (`ES_APPLICATION_LOGS`, `AUDIT_LOGS`, …). */
  readonly logPublishing: Val<readonly string[]>;
  /** The domain's resource-based access policy (`AccessPolicies`, or a separate domain policy); `[]` when none. */
  readonly accessPolicy: Val<readonly PolicyStatement[]>;
  /** Fine-grained access control (`AdvancedSecurityOptions.Enabled`). @default false */
  readonly fineGrainedAccessControl: Val<boolean>;
}

declare module '../resource.js' {
  interface KindFacts {
    SearchDomain: SearchDomainFacts;
  }
}
