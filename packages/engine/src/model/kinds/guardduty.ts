import type { Val } from '../values.js';

/** GuardDuty protection plans (`Features` names, with `DataSources` mapped onto them). */
export type DetectorFeature =
  | 'S3_DATA_EVENTS'
  | 'EKS_AUDIT_LOGS'
  | 'EBS_MALWARE_PROTECTION'
  | 'RDS_LOGIN_EVENTS'
  | 'LAMBDA_NETWORK_LOGS'
  | 'EKS_RUNTIME_MONITORING'
  | 'RUNTIME_MONITORING';

export interface DetectorFacts {
  readonly enabled: Val<boolean>;
  /**
   * Declared status of each protection plan; a plan absent here is not declared by the input, so its state is
   * whatever the account default is.
   */
  readonly features: Readonly<Partial<Record<DetectorFeature | string, Val<boolean>>>>;
  /** `FIFTEEN_MINUTES`, `ONE_HOUR`, `SIX_HOURS`. @default SIX_HOURS */
  readonly findingPublishingFrequency: Val<string>;
}

declare module '../resource.js' {
  interface KindFacts {
    Detector: DetectorFacts;
  }
}
