import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import { worldOpenings } from './ingress.js';

/** PostgreSQL, MySQL, SQL Server, Oracle, Redis, MongoDB, Elasticsearch/OpenSearch, Redshift, Memcached, Cassandra, Neptune. */
export const DATABASE_PORTS = [
  5432, 3306, 1433, 1521, 6379, 27017, 9200, 9300, 5439, 11211, 9042, 8182,
] as const;

export const ec2SecurityGroupNoPublicDatabasePorts = defineRule({
  id: 'ec2-security-group-no-public-database-ports',
  title: 'Security groups do not open database ports to the internet',
  severity: 'critical',
  rationale:
    'A database port reachable from 0.0.0.0/0 exposes ePHI stores directly to credential stuffing and exploits; ' +
    'databases belong in the data tier, reachable only from the application tier security group (R-INF-1).',
  remediation: {
    cloudformation:
      'Replace CidrIp: 0.0.0.0/0 (or CidrIpv6: ::/0) on the database port with SourceSecurityGroupId: the ' +
      'application tier security group.',
    terraform:
      'Use referenced_security_group_id (aws_vpc_security_group_ingress_rule) or security_groups in the ingress ' +
      'block instead of cidr_blocks ["0.0.0.0/0"] for the database port.',
    console:
      'EC2 → Security Groups → Inbound rules → Edit → set the source of the database port to the app security group.',
  },
  controls: ['network-segmentation', 'public-exposure', 'boundary-protection'],
  kinds: ['SecurityGroup'],
  equivalents: { awsConfig: ['vpc-sg-open-only-to-authorized-ports', 'restricted-common-ports'] },
  check(group) {
    const { hits, unknowns } = worldOpenings(group.facts.ingress, DATABASE_PORTS);
    if (hits.length > 0) return fail(`database port open to the internet: ${hits.join('; ')}`);
    if (unknowns.length > 0)
      return cannotVerify(`ingress may open a database port to the internet: ${unknowns.join('; ')}`);
    return pass;
  },
});
