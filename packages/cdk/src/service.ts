import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { HipaaWebAcl } from './edge.js';
import { HipaaLogGroup } from './log-group.js';
import { acknowledgeNag } from './nag-acknowledgements.js';
import type { HipaaNetwork } from './network.js';
import { type HipaaOverride, requireHipaa } from './override.js';

/** TLS policies accepted on the HTTPS listener: TLS 1.3 policies whose minimum is TLS 1.2 or 1.3 (R-INF-5). */
export const ACCEPTED_TLS_POLICIES: readonly elbv2.SslPolicy[] = [
  elbv2.SslPolicy.RECOMMENDED_TLS,
  elbv2.SslPolicy.TLS13_RES,
  elbv2.SslPolicy.TLS13_13,
  elbv2.SslPolicy.FIPS_TLS13_12,
  elbv2.SslPolicy.FIPS_TLS13_12_RES,
  elbv2.SslPolicy.FIPS_TLS13_13,
];

/** Environment variable names that look like secrets; their values belong in `secrets` (R-INF-9). */
const SECRET_LIKE_NAME =
  /(pass(word)?|secret|token|api[_-]?key|private[_-]?key|credential|dsn|connection[_-]?string)/i;

/** Props of {@link HipaaFargateService}. */
export interface HipaaFargateServiceProps {
  /** The network: tasks in the application tier, the load balancer in the public tier. */
  readonly network: HipaaNetwork;
  /** Encrypts the container log group (the log key). */
  readonly logKey: kms.IKey;
  /** ACM certificate of the HTTPS listener (no DNS validation happens at synth). */
  readonly certificateArn: string;
  /** Container image (a registry or ECR reference; no Docker build at synth). */
  readonly image: ecs.ContainerImage;
  /**
   * Port the container listens on.
   * @default 8443
   */
  readonly containerPort?: number;
  /**
   * Protocol from the load balancer to the tasks. HTTPS keeps PHI encrypted inside the VPC too (R-INF-5).
   * @default ApplicationProtocol.HTTPS
   */
  readonly targetProtocol?: elbv2.ApplicationProtocol;
  /** @default '/health' */
  readonly healthCheckPath?: string;
  /** @default 512 */
  readonly cpu?: number;
  /** @default 1024 */
  readonly memoryLimitMiB?: number;
  /** @default 3 */
  readonly desiredCount?: number;
  /** Secrets injected from Secrets Manager or Parameter Store. @default - none */
  readonly secrets?: Record<string, ecs.Secret>;
  /** Plain environment variables; names that look like secrets are refused. @default - none */
  readonly environment?: Record<string, string>;
  /** The web ACL associated with the load balancer. Required unless overridden. */
  readonly webAcl?: HipaaWebAcl;
  /** Receives the load balancer access logs (the log archive's access-log bucket). */
  readonly accessLogBucket: s3.IBucket;
  /**
   * Allow `ecs execute-command` into tasks.
   * @default false
   */
  readonly enableExecuteCommand?: boolean;
  /** @default true */
  readonly deletionProtection?: boolean;
  /**
   * TLS policy of the HTTPS listener.
   * @default SslPolicy.TLS13_RES
   */
  readonly sslPolicy?: elbv2.SslPolicy;
  /** Reasoned deviations. */
  readonly overrides?: {
    readonly executeCommand?: HipaaOverride;
    readonly deletionProtection?: HipaaOverride;
    readonly webAcl?: HipaaOverride;
    readonly plaintextTargets?: HipaaOverride;
    readonly sslPolicy?: HipaaOverride;
    /** Accept environment variables whose names look like secrets (say why the value is not one). */
    readonly secretLikeEnvironment?: HipaaOverride;
  };
}

/**
 * An ECS Fargate service in the application tier behind an internet-facing ALB (R-INF-5, R-INF-9): HTTPS only
 * with a TLS 1.3 policy, port 80 only redirects, invalid headers dropped, access logs, deletion protection, WAF
 * associated; tasks without public IPs, secrets from Secrets Manager, logs to an encrypted six-year log group,
 * Container Insights, execute-command off, read-only root file system.
 */
export class HipaaFargateService extends Construct {
  readonly cluster: ecs.Cluster;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly service: ecs.FargateService;
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly logGroup: HipaaLogGroup;
  readonly loadBalancerSecurityGroup: ec2.SecurityGroup;
  readonly serviceSecurityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: HipaaFargateServiceProps) {
    super(scope, id);
    const exec = props.enableExecuteCommand ?? false;
    const deletionProtection = props.deletionProtection ?? true;
    const targetProtocol = props.targetProtocol ?? elbv2.ApplicationProtocol.HTTPS;
    const sslPolicy = props.sslPolicy ?? elbv2.SslPolicy.TLS13_RES;
    const secretLike = Object.keys(props.environment ?? {}).filter((name) => SECRET_LIKE_NAME.test(name));
    const nagRules: Partial<Record<keyof NonNullable<HipaaFargateServiceProps['overrides']>, string[]>> = {
      deletionProtection: ['HIPAA.Security-ELBDeletionProtectionEnabled'],
    };
    const check = (
      ok: boolean,
      requirement: string,
      fix: string,
      name: keyof NonNullable<HipaaFargateServiceProps['overrides']>,
      citation: string,
    ) =>
      requireHipaa(
        this,
        ok,
        { requirement, citation, fix, overrideProp: `overrides.${name}`, nagRuleIds: nagRules[name] },
        props.overrides?.[name],
      );
    check(
      !exec,
      'execute-command off',
      'Leave enableExecuteCommand at false; use logged Session Manager on a debug task instead',
      'executeCommand',
      'R-INF-9, 45 CFR 164.312(a)(1)',
    );
    check(
      deletionProtection,
      'load balancer deletion protection',
      'Leave deletionProtection at true',
      'deletionProtection',
      'R-INF-5, 45 CFR 164.308(a)(7)',
    );
    check(
      props.webAcl !== undefined,
      'a WAF web ACL on the load balancer',
      'Pass webAcl (HipaaWebAcl)',
      'webAcl',
      'R-INF-6, 45 CFR 164.312(e)(1)',
    );
    check(
      targetProtocol === elbv2.ApplicationProtocol.HTTPS,
      'TLS between the load balancer and the tasks',
      'Use targetProtocol HTTPS',
      'plaintextTargets',
      'R-INF-5, 45 CFR 164.312(e)(1)',
    );
    check(
      ACCEPTED_TLS_POLICIES.includes(sslPolicy),
      'a TLS 1.3 listener policy (minimum TLS 1.2)',
      `Use SslPolicy.TLS13_RES (got ${sslPolicy})`,
      'sslPolicy',
      'R-INF-5, 45 CFR 164.312(e)(2)(ii)',
    );
    check(
      secretLike.length === 0,
      'secrets from Secrets Manager, not environment variables',
      `Move ${secretLike.join(', ')} to secrets`,
      'secretLikeEnvironment',
      'R-INF-9, 45 CFR 164.312(a)(2)(iv)',
    );

    const { vpc } = props.network;
    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc,
      containerInsightsV2: ecs.ContainerInsights.ENHANCED,
    });

    this.loadBalancerSecurityGroup = new ec2.SecurityGroup(this, 'LoadBalancerSecurityGroup', {
      vpc,
      description: 'ALB: HTTPS from the internet; HTTP only to redirect',
      allowAllOutbound: false,
    });
    this.loadBalancerSecurityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS');
    this.loadBalancerSecurityGroup.addIngressRule(
      ec2.Peer.anyIpv4(),
      ec2.Port.tcp(80),
      'HTTP, redirected to HTTPS',
    );

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: true,
      vpcSubnets: props.network.publicSubnets,
      securityGroup: this.loadBalancerSecurityGroup,
      dropInvalidHeaderFields: true,
      deletionProtection,
      http2Enabled: true,
      desyncMitigationMode: elbv2.DesyncMitigationMode.STRICTEST,
    });
    this.loadBalancer.logAccessLogs(props.accessLogBucket, 'alb');

    const containerPort = props.containerPort ?? 8443;
    const targetGroup = new elbv2.ApplicationTargetGroup(this, 'TargetGroup', {
      vpc,
      port: containerPort,
      protocol: targetProtocol,
      targetType: elbv2.TargetType.IP,
      healthCheck: {
        path: props.healthCheckPath ?? '/health',
        protocol:
          targetProtocol === elbv2.ApplicationProtocol.HTTPS ? elbv2.Protocol.HTTPS : elbv2.Protocol.HTTP,
        healthyHttpCodes: '200',
      },
      deregistrationDelay: Duration.seconds(30),
    });
    this.loadBalancer.addListener('Https', {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [elbv2.ListenerCertificate.fromArn(props.certificateArn)],
      sslPolicy,
      open: false,
      defaultTargetGroups: [targetGroup],
    });
    const redirect = this.loadBalancer.addListener('HttpRedirect', {
      port: 80,
      protocol: elbv2.ApplicationProtocol.HTTP,
      open: false,
      defaultAction: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: '443', permanent: true }),
    });
    acknowledgeNag(redirect, 'httpRedirectListener');

    this.logGroup = new HipaaLogGroup(this, 'LogGroup', { encryptionKey: props.logKey });
    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'TaskDefinition', {
      cpu: props.cpu ?? 512,
      memoryLimitMiB: props.memoryLimitMiB ?? 1024,
    });
    this.taskDefinition.addContainer('App', {
      image: props.image,
      portMappings: [{ containerPort }],
      secrets: props.secrets,
      environment: props.environment,
      readonlyRootFilesystem: true,
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup.logGroup, streamPrefix: 'app' }),
    });

    this.serviceSecurityGroup = new ec2.SecurityGroup(this, 'ServiceSecurityGroup', {
      vpc,
      description: 'Tasks: ingress from the load balancer only',
      // Egress goes through the NAT gateways and VPC endpoints; what must be closed is ingress.
      allowAllOutbound: true,
    });
    this.service = new ecs.FargateService(this, 'Service', {
      cluster: this.cluster,
      taskDefinition: this.taskDefinition,
      desiredCount: props.desiredCount ?? 3,
      assignPublicIp: false,
      vpcSubnets: props.network.applicationSubnets,
      securityGroups: [this.serviceSecurityGroup],
      enableExecuteCommand: exec,
      circuitBreaker: { rollback: true },
      minHealthyPercent: 100,
      platformVersion: ecs.FargatePlatformVersion.LATEST,
    });
    targetGroup.addTarget(this.service);
    props.network.allowEndpointAccessFrom(this.serviceSecurityGroup);

    if (props.webAcl) {
      new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
        resourceArn: this.loadBalancer.loadBalancerArn,
        webAclArn: props.webAcl.webAclArn,
      });
    }
  }
}
