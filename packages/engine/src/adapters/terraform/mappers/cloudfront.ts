import type {
  CacheBehaviorFacts,
  DistributionFacts,
  DistributionOriginFacts,
} from '../../../model/kinds/cloudfront.js';
import { isUnknown, type Val } from '../../../model/values.js';
import { at, bool, list, refOrString, str, strings } from '../../read.js';
import { block, type TfMapperTable, tfMapping } from '../mapper.js';
import { declared, declaredBlock } from './vpc.js';

function behaviorOf(raw: unknown, pathPattern: Val<string>): CacheBehaviorFacts {
  return {
    pathPattern,
    viewerProtocolPolicy: str(at(raw, 'viewer_protocol_policy'), 'allow-all'),
    targetOriginId: str(at(raw, 'target_origin_id'), ''),
  };
}

/** An `origin` block: `custom_origin_config` makes it a custom origin; otherwise it is an S3 (REST) origin. */
function originOf(raw: unknown): DistributionOriginFacts {
  const id = str(at(raw, 'origin_id'), '');
  const domainName = str(at(raw, 'domain_name'), '');
  const custom = block(declared(at(raw, 'custom_origin_config')));
  if (custom === undefined)
    return { id, domainName, type: 's3', protocolPolicy: undefined, sslProtocols: [] };
  return {
    id,
    domainName,
    type: 'custom',
    // Both arguments are required by the provider.
    protocolPolicy: str(at(custom, 'origin_protocol_policy'), 'http-only'),
    sslProtocols: strings(declared(at(custom, 'origin_ssl_protocols'))),
  };
}

/**
 * `aws_cloudfront_distribution`. `viewer_certificate.minimum_protocol_version` defaults to `TLSv1`, and with
 * `cloudfront_default_certificate = true` viewers get the `*.cloudfront.net` certificate (TLSv1 policy).
 */
const distribution = tfMapping('Distribution', (view): DistributionFacts => {
  const v = view.values;
  const ordered = list(declared(v.ordered_cache_behavior));
  const origins = list(declared(v.origin));
  const certificate = declaredBlock(v.viewer_certificate);
  const custom =
    declared(at(certificate, 'acm_certificate_arn')) !== undefined ||
    declared(at(certificate, 'iam_certificate_id')) !== undefined;
  const logging = declaredBlock(v.logging_config);
  return {
    enabled: bool(declared(v.enabled), true),
    behaviors: isUnknown(ordered)
      ? ordered
      : [
          behaviorOf(block(v.default_cache_behavior), '*'),
          ...ordered.map((raw) => behaviorOf(raw, str(at(raw, 'path_pattern'), ''))),
        ],
    origins: isUnknown(origins) ? origins : origins.map(originOf),
    defaultCertificate:
      certificate === undefined
        ? true
        : custom
          ? false
          : bool(declared(at(certificate, 'cloudfront_default_certificate')), false),
    minimumProtocolVersion: str(declared(at(certificate, 'minimum_protocol_version')), 'TLSv1'),
    loggingBucket: logging === undefined ? undefined : refOrString(declared(at(logging, 'bucket'))),
    webAcl: refOrString(declared(v.web_acl_id)),
  };
});

export const cloudfrontTfMappers: TfMapperTable = {
  aws_cloudfront_distribution: distribution,
};
