import type { ResourceRef, Val } from '../values.js';

export interface ConfigRecorderFacts {
  readonly name: Val<string> | undefined;
  /** Records every supported resource type (`RecordingGroup.AllSupported`). @default true */
  readonly allSupported: Val<boolean>;
  /** Records global resources such as IAM (`RecordingGroup.IncludeGlobalResourceTypes`). @default false */
  readonly includeGlobalResourceTypes: Val<boolean>;
  /** `ALL_SUPPORTED_RESOURCE_TYPES`, `INCLUSION_BY_RESOURCE_TYPES`, `EXCLUSION_BY_RESOURCE_TYPES`, when declared. */
  readonly recordingStrategy: Val<string> | undefined;
  /** Resource types excluded (`RecordingGroup.ExclusionByResourceTypes.ResourceTypes`). */
  readonly excludedResourceTypes: Val<readonly Val<string>[]>;
}

export interface DeliveryChannelFacts {
  readonly s3Bucket: Val<ResourceRef | string>;
  readonly s3KmsKey: Val<ResourceRef | string> | undefined;
  readonly snsTopic: Val<ResourceRef | string> | undefined;
}

export interface ConformancePackFacts {
  readonly name: Val<string>;
  /** The pack template location (`TemplateS3Uri`) or `inline` (`TemplateBody`), unknown if unresolved. */
  readonly template: Val<string>;
  /** True when the pack is AWS's "Operational Best Practices for HIPAA Security" (by name or template). */
  readonly hipaa: Val<boolean>;
}

declare module '../resource.js' {
  interface KindFacts {
    ConfigRecorder: ConfigRecorderFacts;
    DeliveryChannel: DeliveryChannelFacts;
    ConformancePack: ConformancePackFacts;
  }
}
