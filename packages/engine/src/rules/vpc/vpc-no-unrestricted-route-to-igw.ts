import { isKind } from '../../model/resource.js';
import { isRef, isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const vpcNoUnrestrictedRouteToIgw = defineRule({
  id: 'vpc-no-unrestricted-route-to-igw',
  title: 'Only public-tier route tables send 0.0.0.0/0 or ::/0 to an internet gateway',
  severity: 'medium',
  rationale:
    'A default route to an internet gateway makes a subnet public; application and data tiers must reach the ' +
    'internet only through NAT or VPC endpoints (R-INF-1), so a route table that serves them must not point at an IGW.',
  remediation: {
    cloudformation:
      'Point 0.0.0.0/0 of private route tables at a NAT gateway (NatGatewayId) and use VPC endpoints; keep GatewayId: ' +
      '!Ref InternetGateway only on the route table of the public (load balancer/NAT) subnets.',
    terraform:
      'Use nat_gateway_id for 0.0.0.0/0 in private aws_route_table routes; gateway_id (IGW) only for public subnets.',
    console: 'VPC → Route tables → the table → Routes → Edit → target a NAT gateway for 0.0.0.0/0.',
  },
  controls: ['network-segmentation', 'public-exposure', 'boundary-protection'],
  kinds: ['RouteTable'],
  equivalents: {
    cdkNag: ['HIPAA.Security-VPCNoUnrestrictedRouteToIGW'],
    awsConfig: ['no-unrestricted-route-to-igw'],
  },
  check(table, { model }) {
    // cdk-nag flags every /0 route to a gateway (users suppress it on public subnets); we accept it only where
    // every associated subnet is declared public (CDK's aws-cdk:subnet-type=Public tag), the tier that needs it.
    const tiers = table.facts.subnets.map((subnet) => {
      if (!isRef(subnet)) return 'unknown';
      const resource = model.get(subnet.$ref);
      if (!resource || !isKind(resource, 'Subnet')) return 'unknown';
      return isUnknown(resource.facts.tier) ? 'unknown' : (resource.facts.tier ?? 'undeclared');
    });
    const publicTier = tiers.length > 0 && tiers.every((tier) => tier === 'Public');
    const problems: string[] = [];
    const unknowns: string[] = [];
    for (const route of table.facts.routes) {
      const destinations = [route.destinationIpv4, route.destinationIpv6];
      const unrestricted = destinations.some((d) => typeof d === 'string' && /\/0$/.test(d));
      const unclearDestination = destinations.some((d) => isUnknown(d));
      if (!unrestricted && !unclearDestination) continue;
      if (isUnknown(route.target)) {
        unknowns.push(`${route.name}: target ${route.target.$unknown}`);
        continue;
      }
      if (route.target !== 'internet-gateway') continue;
      if (!unrestricted) {
        unknowns.push(`${route.name}: destination to the internet gateway is unknown`);
        continue;
      }
      if (!publicTier) problems.push(route.name);
    }
    if (problems.length > 0)
      return fail(
        `unrestricted route(s) ${problems.join(', ')} to an internet gateway from a table not limited to public subnets ` +
          `(associated subnet tiers: ${tiers.length > 0 ? tiers.join(', ') : 'none'})`,
      );
    if (unknowns.length > 0) return cannotVerify(unknowns.join('; '));
    return pass;
  },
});
