import type { SearchDomainFacts } from '../../../model/kinds/opensearch.js';
import { isUnknown, type Val } from '../../../model/values.js';
import { at, bool, list, refOrString, str } from '../../read.js';
import { block, type TfMapperTable, tfFolded, tfMapping } from '../mapper.js';
import { allStatements, documentStatements, unlessComputed } from './kms.js';

/** Log types of `log_publishing_options` blocks that are enabled (`enabled` defaults to true). */
function publishedLogTypes(options: unknown): Val<readonly string[]> {
  const blocks = list(options);
  if (isUnknown(blocks)) return blocks;
  const types: string[] = [];
  for (const option of blocks) {
    const enabled = bool(at(option, 'enabled'), true);
    const type = str(at(option, 'log_type'), undefined);
    if (isUnknown(enabled)) return enabled;
    if (type === undefined) continue;
    if (isUnknown(type)) return type;
    if (enabled) types.push(type);
  }
  return types;
}

/**
 * `aws_opensearch_domain` and the legacy `aws_elasticsearch_domain`: the same facts, with the same AWS
 * defaults, as the CloudFormation mapping. An absent `domain_endpoint_options` block leaves the AWS default
 * (HTTPS not enforced, TLS 1.0 policy); inside the block the provider defaults `enforce_https` to true.
 */
const domain = (versionAttribute: 'engine_version' | 'elasticsearch_version', policyType: string) =>
  tfMapping('SearchDomain', (view, context): SearchDomainFacts => {
    const v = view.values;
    // With a separate domain policy resource the domain's own `access_policies` is only its read-back.
    const separate = context.referrers(policyType, 'domain_name');
    const own = separate.length > 0 ? unlessComputed(v.access_policies) : v.access_policies;
    const endpoint = block(v.domain_endpoint_options);
    const atRest = block(v.encrypt_at_rest);
    const subnets = list(at(block(v.vpc_options), 'subnet_ids'));
    return {
      name: str(v.domain_name, undefined),
      engineVersion: str(v[versionAttribute], undefined),
      encryptedAtRest: bool(at(atRest, 'enabled'), false),
      kmsKey: refOrString(at(atRest, 'kms_key_id')),
      nodeToNodeEncryption: bool(at(block(v.node_to_node_encryption), 'enabled'), false),
      enforceHttps: endpoint === undefined ? false : bool(at(endpoint, 'enforce_https'), true),
      tlsPolicy: str(at(endpoint, 'tls_security_policy'), 'Policy-Min-TLS-1-0-2019-07'),
      inVpc: isUnknown(subnets) ? subnets : subnets.length > 0,
      logPublishing: publishedLogTypes(v.log_publishing_options),
      accessPolicy: allStatements([
        ...(own === undefined || own === null ? [] : [documentStatements(own, 'access policy')]),
        ...separate.map((p) => documentStatements(p.values.access_policies, `domain policy ${p.address}`)),
      ]),
      fineGrainedAccessControl: bool(at(block(v.advanced_security_options), 'enabled'), false),
    };
  });

export const opensearchTfMappers: TfMapperTable = {
  aws_opensearch_domain: domain('engine_version', 'aws_opensearch_domain_policy'),
  aws_elasticsearch_domain: domain('elasticsearch_version', 'aws_elasticsearch_domain_policy'),
  aws_opensearch_domain_policy: tfFolded('domain_name'),
  aws_elasticsearch_domain_policy: tfFolded('domain_name'),
};
