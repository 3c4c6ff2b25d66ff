import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { HipaaWebAcl } from './edge.js';
import { HipaaFunction } from './function.js';
import { HipaaFargateService } from './service.js';
import { GOOD_REASON, keyedStack, networkStack } from './testing/fixture.js';

const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-4000-8000-000000000000';

describe('HipaaWebAcl, HipaaFargateService and HipaaFunction', () => {
  const { stack, keys, network } = networkStack();
  const webAcl = new HipaaWebAcl(stack, 'Edge', {
    logKey: keys.logKey,
    name: 'test-web',
    blockedCountries: ['KP'],
  });
  const accessLogBucket = new s3.Bucket(stack, 'AccessLogs');
  const serviceProps = {
    network,
    logKey: keys.logKey,
    certificateArn: CERT,
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
    accessLogBucket,
    webAcl,
  };
  new HipaaFargateService(stack, 'Service', serviceProps);
  new HipaaFunction(stack, 'Worker', {
    network,
    encryptionKey: keys.phiKey,
    logKey: keys.logKey,
    code: lambda.Code.fromInline('exports.handler = async () => 0;'),
  });
  const template = Template.fromStack(stack);

  it('has rate limits, body size, geo-blocking and the four managed rule groups', () => {
    const rules = template.findResources('AWS::WAFv2::WebACL');
    const json = JSON.stringify(rules);
    for (const name of [
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesSQLiRuleSet',
      'AWSManagedRulesLinuxRuleSet',
    ]) {
      expect(json).toContain(name);
    }
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'rate-limit-auth-paths',
          Statement: { RateBasedStatement: Match.objectLike({ Limit: 100 }) },
        }),
        Match.objectLike({
          Name: 'rate-limit-per-ip',
          Statement: { RateBasedStatement: Match.objectLike({ Limit: 2000 }) },
        }),
        Match.objectLike({ Name: 'max-body-size' }),
        Match.objectLike({ Name: 'geo-block', Statement: { GeoMatchStatement: { CountryCodes: ['KP'] } } }),
      ]),
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: 'aws-waf-logs-test-web',
      RetentionInDays: 2192,
      KmsKeyId: Match.anyValue(),
    });
    template.resourceCountIs('AWS::WAFv2::LoggingConfiguration', 1);
  });

  it('serves HTTPS only with a TLS 1.3 policy; port 80 only redirects; WAF associated', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [
        Match.objectLike({ Type: 'redirect', RedirectConfig: Match.objectLike({ Protocol: 'HTTPS' }) }),
      ],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'deletion_protection.enabled', Value: 'true' },
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
      ]),
    });
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });

  it('runs tasks privately with exec off and container insights', () => {
    template.hasResourceProperties('AWS::ECS::Service', {
      EnableExecuteCommand: false,
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED' }) },
    });
    template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }],
    });
  });

  it('runs the function in the VPC with KMS environment, reserved concurrency and a 14-day KMS DLQ', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      KmsKeyArn: Match.anyValue(),
      ReservedConcurrentExecutions: 5,
      VpcConfig: Match.anyValue(),
      DeadLetterConfig: { TargetArn: Match.anyValue() },
      LoggingConfig: { LogGroup: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      MessageRetentionPeriod: 1209600,
      KmsMasterKeyId: Match.anyValue(),
    });
  });

  it('refuses exec, plaintext secrets, missing WAF and weak TLS unless overridden', () => {
    const n = networkStack();
    const base = {
      ...serviceProps,
      network: n.network,
      logKey: n.keys.logKey,
      accessLogBucket: new s3.Bucket(n.stack, 'L'),
    };
    expect(() => new HipaaFargateService(n.stack, 'A', { ...base, webAcl: undefined })).toThrow(
      /a WAF web ACL on the load balancer is required/,
    );
    expect(() => new HipaaFargateService(n.stack, 'B', { ...base, enableExecuteCommand: true })).toThrow(
      /execute-command off is required/,
    );
    expect(
      () => new HipaaFargateService(n.stack, 'C', { ...base, environment: { DB_PASSWORD: 'x' } }),
    ).toThrow(
      /secrets from Secrets Manager, not environment variables is required .*Move DB_PASSWORD to secrets/,
    );
    expect(
      () =>
        new HipaaFargateService(n.stack, 'D', {
          ...base,
          webAcl: undefined,
          overrides: { webAcl: { reason: 'short' } },
        }),
    ).toThrow(/refused: the reason is 5 characters/);
    expect(
      () =>
        new HipaaFargateService(n.stack, 'E', {
          ...base,
          webAcl: undefined,
          overrides: { webAcl: GOOD_REASON },
        }),
    ).not.toThrow();
    const k = keyedStack();
    expect(
      () => new HipaaWebAcl(k.stack, 'W', { logKey: k.keys.logKey, name: 'w', rateLimit: 10000 }),
    ).toThrow(/rate limits of at most 2,000/);
    expect(
      () =>
        new HipaaFunction(n.stack, 'Old', {
          network: n.network,
          encryptionKey: n.keys.phiKey,
          logKey: n.keys.logKey,
          code: lambda.Code.fromInline('x'),
          runtime: lambda.Runtime.NODEJS_18_X,
        }),
    ).toThrow(/a current Lambda runtime is required .*got nodejs18\.x/);
  });
});
