import type {
  CacheBehaviorFacts,
  DistributionFacts,
  DistributionOriginFacts,
} from '../../../model/kinds/cloudfront.js';
import { isUnknown, type Val } from '../../../model/values.js';
import { at, bool, list, refOrString, str, strings } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

function behaviorOf(raw: unknown, pathPattern: Val<string>): CacheBehaviorFacts {
  return {
    pathPattern,
    viewerProtocolPolicy: str(at(raw, 'ViewerProtocolPolicy'), 'allow-all'),
    targetOriginId: str(at(raw, 'TargetOriginId'), ''),
  };
}

function customOrigin(id: Val<string>, domainName: Val<string>, config: unknown): DistributionOriginFacts {
  return {
    id,
    domainName,
    type: 'custom',
    protocolPolicy: str(at(config, 'OriginProtocolPolicy'), 'http-only'),
    sslProtocols: strings(at(config, 'OriginSSLProtocols')),
  };
}

function originOf(raw: unknown): DistributionOriginFacts {
  const id = str(at(raw, 'Id'), '');
  const domainName = str(at(raw, 'DomainName'), '');
  const custom = at(raw, 'CustomOriginConfig');
  if (custom !== undefined) return customOrigin(id, domainName, custom);
  return { id, domainName, type: 's3', protocolPolicy: undefined, sslProtocols: [] };
}

/**
 * `AWS::CloudFront::Distribution`: current `Origins` and the legacy `CustomOrigin` / `S3Origin` properties of old
 * templates (one origin each, referred to by behaviours through its DNS name).
 */
const distribution = cfnMapping('Distribution', (view): DistributionFacts => {
  const config = at(view.properties, 'DistributionConfig');
  const ordered = list(at(config, 'CacheBehaviors'));
  const originsRaw = list(at(config, 'Origins'));
  const legacyCustom = at(config, 'CustomOrigin');
  const legacyS3 = at(config, 'S3Origin');
  const origins: Val<readonly DistributionOriginFacts[]> = isUnknown(originsRaw)
    ? originsRaw
    : [
        ...originsRaw.map(originOf),
        ...(legacyCustom === undefined
          ? []
          : [
              customOrigin(
                str(at(legacyCustom, 'DNSName'), ''),
                str(at(legacyCustom, 'DNSName'), ''),
                legacyCustom,
              ),
            ]),
        ...(legacyS3 === undefined
          ? []
          : [
              {
                id: str(at(legacyS3, 'DNSName'), ''),
                domainName: str(at(legacyS3, 'DNSName'), ''),
                type: 's3' as const,
                protocolPolicy: undefined,
                sslProtocols: [],
              },
            ]),
      ];
  const certificate = at(config, 'ViewerCertificate');
  const custom =
    at(certificate, 'AcmCertificateArn') !== undefined || at(certificate, 'IamCertificateId') !== undefined;
  const defaultCertificate: Val<boolean> =
    certificate === undefined
      ? true
      : custom
        ? false
        : bool(at(certificate, 'CloudFrontDefaultCertificate'), true);
  return {
    enabled: bool(at(config, 'Enabled'), true),
    behaviors: isUnknown(ordered)
      ? ordered
      : [
          behaviorOf(at(config, 'DefaultCacheBehavior'), '*'),
          ...ordered.map((raw) => behaviorOf(raw, str(at(raw, 'PathPattern'), ''))),
        ],
    origins,
    defaultCertificate,
    minimumProtocolVersion: str(at(certificate, 'MinimumProtocolVersion'), 'TLSv1'),
    loggingBucket: refOrString(at(config, 'Logging.Bucket')),
    webAcl: refOrString(at(config, 'WebACLId')),
  };
});

export const cloudfrontCfnMappers: CfnMapperTable = {
  'AWS::CloudFront::Distribution': distribution,
};
