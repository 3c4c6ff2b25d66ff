import { mustHold } from '../backup/checks.js';
import { defineRule } from '../rule.js';

export const redshiftEnhancedVpcRouting = defineRule({
  id: 'redshift-enhanced-vpc-routing',
  title: 'Redshift clusters use enhanced VPC routing',
  severity: 'medium',
  rationale:
    'Without enhanced VPC routing, COPY and UNLOAD traffic of ePHI to and from S3 leaves the VPC over the ' +
    'internet path, outside security groups, endpoint policies and flow logs (R-INF-1).',
  remediation: {
    cloudformation:
      'Set EnhancedVpcRouting: true (with an S3 gateway endpoint or NAT in the cluster subnets).',
    terraform: 'Set enhanced_vpc_routing = true on aws_redshift_cluster.',
    console:
      'Redshift → cluster → Properties → Network and security settings → Edit → Enhanced VPC routing → Turn on.',
  },
  controls: ['network-segmentation', 'boundary-protection'],
  kinds: ['Warehouse'],
  equivalents: {
    cdkNag: ['HIPAA.Security-RedshiftEnhancedVPCRoutingEnabled'],
    awsConfig: ['redshift-enhanced-vpc-routing-enabled'],
  },
  check(cluster) {
    return mustHold(
      cluster.facts.enhancedVpcRouting,
      'enhanced VPC routing',
      'enhanced VPC routing is off: COPY/UNLOAD traffic bypasses the VPC',
    );
  },
});
