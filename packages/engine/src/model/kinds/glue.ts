import type { ResourceRef, Val } from '../values.js';
import type { EnvironmentVariable } from './lambda.js';

/**
 * `AWS::Glue::SecurityConfiguration` / `aws_glue_security_configuration`: the encryption Glue applies to what the
 * jobs, crawlers and development endpoints that name it write. Each mode is `DISABLED` when not declared (the API's
 * default), so a configuration declared with no encryption block encrypts nothing.
 */
export interface GlueSecurityConfigurationFacts {
  readonly name: Val<string> | undefined;
  /**
   * `S3Encryptions[].S3EncryptionMode` / `s3_encryption.s3_encryption_mode`: `SSE-KMS`, `SSE-S3` or `DISABLED` —
   * the weakest of the entries, `DISABLED` when there is none. Applies to the S3 targets jobs and development
   * endpoints write.
   */
  readonly s3Encryption: Val<'SSE-KMS' | 'SSE-S3' | 'DISABLED' | string>;
  /** `CloudWatchEncryption.CloudWatchEncryptionMode`: `SSE-KMS` or `DISABLED` (logs of jobs and crawlers). */
  readonly cloudWatchEncryption: Val<'SSE-KMS' | 'DISABLED' | string>;
  /** `JobBookmarksEncryption.JobBookmarksEncryptionMode`: `CSE-KMS` or `DISABLED` (job bookmarks kept in S3). */
  readonly jobBookmarksEncryption: Val<'CSE-KMS' | 'DISABLED' | string>;
}

/** The security configuration a Glue job, crawler or development endpoint names, found in the same input. */
export interface GlueSecurityConfigurationUse extends GlueSecurityConfigurationFacts {
  /** Model id of the `GlueSecurityConfiguration` resource. */
  readonly configuration: string;
}

/** What every Glue resource that runs code or crawls data declares about the encryption of what it writes. */
export interface GlueEncryptionUser {
  readonly name: Val<string> | undefined;
  /**
   * The security configuration named by `SecurityConfiguration` (`CrawlerSecurityConfiguration` on a
   * CloudFormation crawler; `security_configuration` in Terraform), joined by reference or by name. `undefined`:
   * none named, so Glue writes logs, bookmarks and S3 output without its encryption. Unknown when the name is
   * not known or names a configuration this input does not declare.
   */
  readonly securityConfiguration: Val<GlueSecurityConfigurationUse> | undefined;
}

export interface GlueJobFacts extends GlueEncryptionUser {
  /**
   * `Command.Name` / `command.name`: `glueetl` (Spark), `gluestreaming`, `pythonshell` or `glueray`;
   * `undefined` when not declared. Ray jobs cannot use security configurations.
   */
  readonly command: Val<string> | undefined;
  /**
   * `DefaultArguments` and `NonOverridableArguments` (`default_arguments`, `non_overridable_arguments`) as
   * `--name` → value; stored in the job definition in plaintext and returned by `GetJob`.
   */
  readonly arguments: Val<readonly EnvironmentVariable[]>;
}

export type GlueCrawlerFacts = GlueEncryptionUser;
export type GlueDevEndpointFacts = GlueEncryptionUser;

/**
 * `AWS::Glue::DataCatalogEncryptionSettings` / `aws_glue_data_catalog_encryption_settings`: an account- and
 * region-level setting (one Data Catalog per account and region) rather than a resource of its own; declaring it
 * twice for one catalog leaves whichever was applied last.
 */
export interface GlueDataCatalogEncryptionFacts {
  /** `CatalogId` / `catalog_id`: the account whose catalog it sets; `undefined` means the deploying account's. */
  readonly catalogId: Val<string> | undefined;
  /** Region of the Terraform provider when known; `undefined` for the stack's or provider's default region. */
  readonly region: string | undefined;
  /**
   * `EncryptionAtRest.CatalogEncryptionMode`: `SSE-KMS`, `SSE-KMS-WITH-SERVICE-ROLE` or `DISABLED` (also when
   * not declared): encryption of databases, tables, partitions and column statistics.
   */
  readonly encryptionAtRest: Val<'SSE-KMS' | 'SSE-KMS-WITH-SERVICE-ROLE' | 'DISABLED' | string>;
  /** `EncryptionAtRest.SseAwsKmsKeyId`; `undefined` with SSE-KMS: the AWS managed key `aws/glue`. */
  readonly atRestKey: Val<ResourceRef | string> | undefined;
  /**
   * `ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted` (false when not declared): connection
   * passwords are encrypted with a KMS key and stay encrypted in `GetConnection` responses.
   */
  readonly connectionPasswordEncryption: Val<boolean>;
}

export interface GlueConnectionFacts {
  readonly name: Val<string> | undefined;
  /** `ConnectionInput.ConnectionType` / `connection_type` (`JDBC` when not declared). */
  readonly connectionType: Val<string>;
  /**
   * `ConnectionInput.ConnectionProperties` / `connection_properties` (`USERNAME`, `PASSWORD`,
   * `JDBC_CONNECTION_URL`, `SECRET_ID`, …), values kept as references where they are.
   */
  readonly properties: Val<readonly EnvironmentVariable[]>;
}

declare module '../resource.js' {
  interface KindFacts {
    GlueSecurityConfiguration: GlueSecurityConfigurationFacts;
    GlueJob: GlueJobFacts;
    GlueCrawler: GlueCrawlerFacts;
    GlueDevEndpoint: GlueDevEndpointFacts;
    GlueDataCatalogEncryption: GlueDataCatalogEncryptionFacts;
    GlueConnection: GlueConnectionFacts;
  }
}
