import type { ResourceRef, Val } from '../values.js';

/**
 * Which S3 objects a trail records data events for, normalised from `EventSelectors` and
 * `AdvancedEventSelectors` (and the Terraform/live equivalents).
 */
export interface TrailS3DataEvents {
  /** `All` (reads and writes), `ReadOnly` or `WriteOnly`. */
  readonly readWrite: Val<'All' | 'ReadOnly' | 'WriteOnly'>;
  /**
   * `all` for every bucket of the account (`arn:aws:s3` / `arn:aws:s3:::` / no ARN field selector); otherwise
   * the buckets named, each as a reference to a bucket of the model, a literal bucket name, or unknown
   * (an `Unknown` may still carry the bucket it mentions in `refs`).
   */
  readonly buckets: 'all' | readonly Val<ResourceRef | string>[];
  /** Buckets excluded by `NotStartsWith`/`NotEquals` advanced selectors (same forms as `buckets`). */
  readonly excluded: readonly Val<ResourceRef | string>[];
}

export interface TrailFacts {
  readonly name: Val<string> | undefined;
  /** Whether the trail is recording (`IsLogging`, required in CloudFormation). */
  readonly isLogging: Val<boolean>;
  /** @default false */
  readonly multiRegion: Val<boolean>;
  /** @default false */
  readonly organizationTrail: Val<boolean>;
  /** Records global service events (IAM, STS, CloudFront). @default true */
  readonly includeGlobalServiceEvents: Val<boolean>;
  /** Digest files for log-file integrity validation. @default false */
  readonly logFileValidation: Val<boolean>;
  /** SSE-KMS key of the delivered log files; `undefined`: SSE-S3 only. */
  readonly kmsKey: Val<ResourceRef | string> | undefined;
  /** Destination bucket of the log files. */
  readonly s3Bucket: Val<ResourceRef | string>;
  /** Log group receiving the events (`CloudWatchLogsLogGroupArn`); `undefined`: no CloudWatch Logs delivery. */
  readonly cloudWatchLogsLogGroup: Val<ResourceRef | string> | undefined;
  readonly cloudWatchLogsRole: Val<ResourceRef | string> | undefined;
  /** Management events recorded by at least one selector (true when no selector is declared). */
  readonly managementEvents: Val<boolean>;
  /** S3 object-level data event selectors; empty when none. */
  readonly s3DataEvents: Val<readonly TrailS3DataEvents[]>;
}

declare module '../resource.js' {
  interface KindFacts {
    Trail: TrailFacts;
  }
}
