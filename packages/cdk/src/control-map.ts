/**
 * Safeguard control ids each construct implements. The catalog (packages/catalog) maps these ids to HIPAA,
 * SOC 2, GDPR and HITRUST citations, so docs/cdk.md can later be generated from this map and the catalog.
 */
export type ControlId =
  | 'encryption-at-rest'
  | 'encryption-in-transit'
  | 'key-management'
  | 'audit-logging'
  | 'log-retention'
  | 'log-integrity'
  | 'log-protection'
  | 'security-monitoring'
  | 'threat-detection'
  | 'security-assessment'
  | 'incident-response'
  | 'network-segmentation'
  | 'public-exposure'
  | 'boundary-protection'
  | 'web-application-protection'
  | 'least-privilege'
  | 'unique-user-identification'
  | 'strong-authentication'
  | 'secrets-management'
  | 'backup'
  | 'disaster-recovery'
  | 'high-availability'
  | 'data-integrity'
  | 'vulnerability-management'
  | 'configuration-management'
  | 'capacity-management'
  | 'baa-covered-services'
  | 'asset-inventory'
  | 'data-lifecycle'
  | 'privacy-by-design'
  | 'access-control';

/** Construct class name → the controls it implements. */
export const CONTROL_MAP = {
  HipaaKeys: ['key-management', 'encryption-at-rest', 'access-control', 'least-privilege', 'audit-logging'],
  HipaaLogGroup: ['log-retention', 'log-protection', 'encryption-at-rest', 'audit-logging'],
  HipaaNetwork: [
    'network-segmentation',
    'public-exposure',
    'boundary-protection',
    'audit-logging',
    'log-retention',
    'high-availability',
    'encryption-in-transit',
  ],
  HipaaDatabase: [
    'encryption-at-rest',
    'encryption-in-transit',
    'key-management',
    'backup',
    'high-availability',
    'data-integrity',
    'unique-user-identification',
    'strong-authentication',
    'secrets-management',
    'audit-logging',
    'security-monitoring',
    'public-exposure',
    'vulnerability-management',
  ],
  HipaaTable: ['encryption-at-rest', 'key-management', 'backup', 'data-integrity', 'capacity-management'],
  HipaaPhiBucket: [
    'encryption-at-rest',
    'encryption-in-transit',
    'public-exposure',
    'data-integrity',
    'audit-logging',
    'disaster-recovery',
    'data-lifecycle',
    'privacy-by-design',
  ],
  HipaaLogArchive: [
    'log-integrity',
    'log-protection',
    'log-retention',
    'encryption-at-rest',
    'data-lifecycle',
  ],
  HipaaAudit: [
    'audit-logging',
    'log-integrity',
    'log-protection',
    'log-retention',
    'security-monitoring',
    'incident-response',
  ],
  HipaaDetection: [
    'threat-detection',
    'security-monitoring',
    'security-assessment',
    'configuration-management',
    'asset-inventory',
    'vulnerability-management',
  ],
  HipaaWebAcl: ['web-application-protection', 'boundary-protection', 'capacity-management', 'audit-logging'],
  HipaaFargateService: [
    'encryption-in-transit',
    'public-exposure',
    'network-segmentation',
    'secrets-management',
    'access-control',
    'security-monitoring',
    'audit-logging',
    'high-availability',
  ],
  HipaaFunction: [
    'least-privilege',
    'encryption-at-rest',
    'network-segmentation',
    'capacity-management',
    'data-integrity',
  ],
  HipaaDeliveryRoles: [
    'least-privilege',
    'access-control',
    'unique-user-identification',
    'configuration-management',
  ],
  HipaaBackup: ['backup', 'disaster-recovery', 'encryption-at-rest', 'data-integrity'],
  HipaaRecoverySite: ['disaster-recovery', 'backup', 'encryption-at-rest', 'log-protection'],
  HipaaEnvironment: [
    'baa-covered-services',
    'privacy-by-design',
    'configuration-management',
    'asset-inventory',
  ],
} as const satisfies Record<string, readonly ControlId[]>;

/** Name of a construct in {@link CONTROL_MAP}. */
export type MappedConstruct = keyof typeof CONTROL_MAP;
