import { mustHold } from '../backup/checks.js';
import { defineRule } from '../rule.js';
import { domainLabel } from './domains.js';

export const opensearchInVpcOnly = defineRule({
  id: 'opensearch-in-vpc-only',
  title: 'OpenSearch domains are reachable only inside a VPC',
  severity: 'high',
  rationale:
    'A domain without VPC options gets a public endpoint: the only barrier between the internet and the indexed ' +
    'ePHI is the access policy. Inside the data tier of a VPC, security groups and the network keep it off the ' +
    'internet (R-INF-1).',
  remediation: {
    cloudformation:
      'Set VPCOptions: { SubnetIds: [data-tier subnets], SecurityGroupIds: [!Ref SearchSecurityGroup] } (a new domain).',
    terraform:
      'Add vpc_options { subnet_ids = [...data-tier subnets], security_group_ids = [...] } (a new domain).',
    console:
      'A domain cannot move into a VPC: create a new domain with VPC access in the data-tier subnets and migrate the indexes.',
  },
  controls: ['network-segmentation', 'public-exposure'],
  kinds: ['SearchDomain'],
  equivalents: {
    cdkNag: ['HIPAA.Security-OpenSearchInVPCOnly'],
    awsConfig: ['opensearch-in-vpc-only', 'elasticsearch-in-vpc-only'],
  },
  check(domain) {
    return mustHold(
      domain.facts.inVpc,
      'VPC subnets',
      `${domainLabel(domain)} has no VPC subnets: it has a public endpoint`,
    );
  },
});
