import type { Val } from '../values.js';

export interface EmrClusterFacts {
  /** `KerberosAttributes` declared. */
  readonly kerberos: boolean;
  /** Encryption of the attached security configuration; `undefined` when the cluster has none. */
  readonly securityConfiguration:
    | Val<{ readonly atRestEncryption: Val<boolean>; readonly inTransitEncryption: Val<boolean> }>
    | undefined;
}

declare module '../resource.js' {
  interface KindFacts {
    EmrCluster: EmrClusterFacts;
  }
}
