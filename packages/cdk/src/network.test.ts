import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { HipaaNetwork } from './network.js';
import { GOOD_REASON, keyedStack, networkStack } from './testing/fixture.js';

describe('HipaaNetwork', () => {
  const { stack } = networkStack();
  const template = Template.fromStack(stack);

  it('spans three AZs with public, application and data tiers', () => {
    template.resourceCountIs('AWS::EC2::Subnet', 9);
    template.resourceCountIs('AWS::EC2::NatGateway', 3);
    for (const az of ['us-east-1a', 'us-east-1b', 'us-east-1c']) {
      template.hasResourceProperties('AWS::EC2::Subnet', {
        AvailabilityZone: az,
        MapPublicIpOnLaunch: false,
      });
    }
    template.allResourcesProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false });
  });

  it('has gateway and interface endpoints for the AWS APIs', () => {
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 10);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway' });
    const services = Object.values(template.findResources('AWS::EC2::VPCEndpoint')).map((e) =>
      JSON.stringify(e.Properties.ServiceName),
    );
    for (const service of [
      '.s3',
      '.dynamodb',
      '.kms',
      '.secretsmanager',
      '.logs',
      '.ecr.api',
      '.ecr.dkr',
      '.sqs',
      '.sts',
      '.ssm',
    ]) {
      expect(services.some((name) => name.includes(service))).toBe(true);
    }
  });

  it('sends flow logs of all traffic to an encrypted six-year log group and to S3', () => {
    template.resourceCountIs('AWS::EC2::FlowLog', 2);
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      LogDestinationType: 'cloud-watch-logs',
      TrafficType: 'ALL',
    });
    template.hasResourceProperties('AWS::EC2::FlowLog', { LogDestinationType: 's3', TrafficType: 'ALL' });
    template.allResourcesProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 2192,
      KmsKeyId: Match.anyValue(),
    });
  });

  it('closes the default security group and routes its custom-resource logs to an encrypted group', () => {
    template.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      LoggingConfig: { LogGroup: Match.anyValue() },
    });
  });

  it('admits endpoint traffic from security groups only, never CIDRs', () => {
    const ingress = template.findResources('AWS::EC2::SecurityGroup');
    for (const group of Object.values(ingress)) {
      for (const rule of group.Properties.SecurityGroupIngress ?? []) expect(rule.CidrIp).toBeUndefined();
    }
  });

  it('refuses fewer than three AZs unless overridden', () => {
    const { stack: s, keys } = keyedStack();
    const flowLogBucket = s3.Bucket.fromBucketName(s, 'B', 'flow-logs-bucket');
    const props = { logKey: keys.logKey, flowLogBucket, availabilityZones: ['us-east-1a', 'us-east-1b'] };
    expect(() => new HipaaNetwork(s, 'Two', props)).toThrow(
      /a VPC over three availability zones is required/,
    );
    expect(
      () => new HipaaNetwork(s, 'Two2', { ...props, overrides: { availabilityZones: GOOD_REASON } }),
    ).not.toThrow();
  });
});
