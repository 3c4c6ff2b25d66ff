import type { ResourceRef, Val } from '../values.js';

export interface CacheBehaviorFacts {
  /** `*` for the default cache behaviour. */
  readonly pathPattern: Val<string>;
  /** `allow-all` (HTTP and HTTPS), `redirect-to-https` or `https-only`. */
  readonly viewerProtocolPolicy: Val<string>;
  readonly targetOriginId: Val<string>;
}

export interface DistributionOriginFacts {
  readonly id: Val<string>;
  readonly domainName: Val<string>;
  /**
   * `custom` (CustomOriginConfig: a load balancer, a web server, an S3 website endpoint) or `s3` (S3OriginConfig:
   * CloudFront reaches S3 over the protocol the viewer used).
   */
  readonly type: 'custom' | 's3';
  /** Custom origins: `OriginProtocolPolicy` — `http-only`, `match-viewer` or `https-only`. */
  readonly protocolPolicy: Val<string> | undefined;
  /** Custom origins: `OriginSSLProtocols` as declared (`[]` when left to CloudFront). */
  readonly sslProtocols: Val<readonly string[]>;
}

export interface DistributionFacts {
  readonly enabled: Val<boolean>;
  /** The default cache behaviour first, then the ordered ones. */
  readonly behaviors: Val<readonly CacheBehaviorFacts[]>;
  readonly origins: Val<readonly DistributionOriginFacts[]>;
  /**
   * Viewers are served the default `*.cloudfront.net` certificate (no ViewerCertificate, or
   * `CloudFrontDefaultCertificate: true`), whose security policy is fixed at TLSv1.
   */
  readonly defaultCertificate: Val<boolean>;
  /** `ViewerCertificate.MinimumProtocolVersion` (`TLSv1` when a custom certificate leaves it out). */
  readonly minimumProtocolVersion: Val<string>;
  /** Standard access-log bucket (`Logging.Bucket`), when logging is configured. */
  readonly loggingBucket: Val<ResourceRef | string> | undefined;
  /** `WebACLId`: a WAFv2 web ACL ARN or a WAF Classic id, when one is associated. */
  readonly webAcl: Val<ResourceRef | string> | undefined;
}

declare module '../resource.js' {
  interface KindFacts {
    Distribution: DistributionFacts;
  }
}
