import type { ResourceRef, Val } from '../values.js';

export interface ListenerActionFacts {
  /** `forward`, `redirect`, `fixed-response`, `authenticate-oidc`, … */
  readonly type: Val<string>;
  /** For a redirect: the target protocol (`HTTPS`, `HTTP`, `#{protocol}` which keeps the original). */
  readonly redirectProtocol: Val<string> | undefined;
}

export interface ListenerFacts {
  /** Native id (separate listener) or `listener <port>` (classic inline listener), for messages. */
  readonly name: string;
  readonly port: Val<number> | undefined;
  /** Upper case: `HTTP`, `HTTPS`, `TCP`, `TLS`, `UDP`, `TCP_UDP`, `SSL`, `GENEVE`. */
  readonly protocol: Val<string>;
  /** Classic ELB: the protocol towards the instances. */
  readonly instanceProtocol: Val<string> | undefined;
  /**
   * TLS negotiation policy: ELBv2 `SslPolicy`, or the classic ELB's `Reference-Security-Policy` of the
   * `SSLNegotiationPolicyType` policy named on the listener. `undefined` when absent (the AWS default applies).
   */
  readonly sslPolicy: Val<string> | undefined;
  /** Certificate ARNs (listener and `ListenerCertificate` resources). */
  readonly certificates: Val<readonly Val<ResourceRef | string>[]>;
  readonly defaultActions: Val<readonly ListenerActionFacts[]>;
}

export interface LoadBalancerFacts {
  readonly variant: Val<'application' | 'network' | 'gateway' | 'classic'>;
  /** `internet-facing` (AWS default) or `internal`. */
  readonly scheme: Val<string>;
  readonly securityGroups: Val<readonly Val<ResourceRef | string>[]>;
  /** Number of subnets or availability zones it spans. */
  readonly zoneCount: Val<number>;
  readonly listeners: Val<readonly ListenerFacts[]>;
  /** Access logs to S3 (ELBv2 attribute `access_logs.s3.enabled`; classic `AccessLoggingPolicy.Enabled`). */
  readonly accessLogging: Val<boolean>;
  /** The S3 bucket access logs are delivered to (a reference or a bucket name), when logging names one. */
  readonly accessLogBucket?: Val<ResourceRef | string>;
  /** ELBv2 attribute `deletion_protection.enabled` (default false); classic: false. */
  readonly deletionProtection: Val<boolean>;
  /** ALB attribute `routing.http.drop_invalid_header_fields.enabled` (default false). */
  readonly dropInvalidHeaders: Val<boolean>;
  /** Cross-zone load balancing (classic `CrossZone`, default false; ALB always on). */
  readonly crossZone: Val<boolean>;
  /** WAFv2 web ACLs associated (`AWS::WAFv2::WebACLAssociation`). */
  readonly webAcls: readonly Val<ResourceRef | string>[];
}

declare module '../resource.js' {
  interface KindFacts {
    LoadBalancer: LoadBalancerFacts;
  }
}
