import type { SearchDomainFacts } from '../../../model/kinds/opensearch.js';
import { isUnknown } from '../../../model/values.js';
import { policyStatements } from '../../policy.js';
import { at, bool, list, record, refOrString, str } from '../../read.js';
import { type CfnMapperTable, cfnMapping } from '../mapper.js';

const domain = (versionProperty: 'EngineVersion' | 'ElasticsearchVersion') =>
  cfnMapping('SearchDomain', (view): SearchDomainFacts => {
    const p = view.properties;
    const subnets = list(at(p, 'VPCOptions.SubnetIds'));
    const logs = record(p.LogPublishingOptions);
    return {
      name: str(p.DomainName, undefined),
      engineVersion: str(p[versionProperty], undefined),
      encryptedAtRest: bool(at(p, 'EncryptionAtRestOptions.Enabled'), false),
      kmsKey: refOrString(at(p, 'EncryptionAtRestOptions.KmsKeyId')),
      nodeToNodeEncryption: bool(at(p, 'NodeToNodeEncryptionOptions.Enabled'), false),
      enforceHttps: bool(at(p, 'DomainEndpointOptions.EnforceHTTPS'), false),
      tlsPolicy: str(at(p, 'DomainEndpointOptions.TLSSecurityPolicy'), 'Policy-Min-TLS-1-0-2019-07'),
      inVpc: isUnknown(subnets) ? subnets : subnets.length > 0,
      logPublishing: isUnknown(logs)
        ? logs
        : Object.entries(logs)
            .filter(([, option]) => bool(at(option, 'Enabled'), false) === true)
            .map(([type]) => type),
      accessPolicy: p.AccessPolicies === undefined ? [] : policyStatements(p.AccessPolicies),
      fineGrainedAccessControl: bool(at(p, 'AdvancedSecurityOptions.Enabled'), false),
    };
  });

export const opensearchCfnMappers: CfnMapperTable = {
  'AWS::OpenSearchService::Domain': domain('EngineVersion'),
  'AWS::Elasticsearch::Domain': domain('ElasticsearchVersion'),
};
