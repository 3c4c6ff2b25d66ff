import type { DetectorFacts } from '../../../model/kinds/guardduty.js';
import { isUnknown, type Val } from '../../../model/values.js';
import { at, bool, list, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

/**
 * GuardDuty enables every optional protection plan except Runtime Monitoring on a new detector unless the
 * request disables it, so a plan the template does not mention is on.
 */
const DEFAULT_ON = [
  'S3_DATA_EVENTS',
  'EKS_AUDIT_LOGS',
  'EBS_MALWARE_PROTECTION',
  'RDS_LOGIN_EVENTS',
  'LAMBDA_NETWORK_LOGS',
];

const detector = cfnMapping('Detector', (view): DetectorFacts => {
  const p = view.properties;
  const features: Record<string, Val<boolean>> = {};
  for (const name of DEFAULT_ON) features[name] = true;
  const dataSources = p.DataSources;
  if (dataSources !== undefined) {
    const s3 = at(dataSources, 'S3Logs.Enable');
    if (s3 !== undefined) features.S3_DATA_EVENTS = bool(s3, true);
    const eks = at(dataSources, 'Kubernetes.AuditLogs.Enable');
    if (eks !== undefined) features.EKS_AUDIT_LOGS = bool(eks, true);
    const malware = at(dataSources, 'MalwareProtection.ScanEc2InstanceWithFindings.EbsVolumes');
    if (malware !== undefined) features.EBS_MALWARE_PROTECTION = bool(malware, true);
  }
  const declared = list(p.Features);
  if (isUnknown(declared)) {
    for (const name of DEFAULT_ON) features[name] = declared;
  } else {
    for (const feature of declared) {
      const name = at(feature, 'Name');
      if (typeof name !== 'string') continue;
      const status = str(at(feature, 'Status'), 'ENABLED');
      features[name] = isUnknown(status) ? status : status === 'ENABLED';
    }
  }
  return {
    enabled: bool(p.Enable, false),
    features,
    findingPublishingFrequency: str(p.FindingPublishingFrequency, 'SIX_HOURS'),
  };
});

export const guarddutyCfnMappers: CfnMapperTable = {
  'AWS::GuardDuty::Detector': detector,
};
